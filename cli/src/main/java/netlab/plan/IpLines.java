package netlab.plan;

/**
 * Writes an {@link IpOp} as the line of {@code ip -batch} input that does what the record says: what {@code up
 * --dry-run} prints, and what {@code ip} runs for the ops the netlink runner leaves to it (or for all of them with
 * NETLAB_NETLINK=0). The only place ip's syntax is written; nothing reads it back. Every line is a {@link BatchLine}.
 */
public final class IpLines implements IpOp.Visitor<String> {
    private static final IpLines INSTANCE = new IpLines();

    private IpLines() {}

    public static String line(IpOp op) {
        return BatchLine.require(op.accept(INSTANCE));
    }

    /** "NAME [address M] [mtu N] [netns NS]": the words after {@code name} of a new interface. */
    private static StringBuilder link(StringBuilder sb, IpOp.NewLink l) {
        sb.append(l.name());
        if (l.mac().isPresent()) sb.append(" address ").append(l.mac().get());
        if (l.mtu().isPresent()) sb.append(" mtu ").append(l.mtu().getAsInt());
        if (l.netns().isPresent()) sb.append(" netns ").append(l.netns().get());
        return sb;
    }

    private static String linkSet(String dev, String what) {
        return "link set dev " + dev + " " + what;
    }

    private static String onOff(boolean v) {
        return v ? "on" : "off";
    }

    @Override
    public String netnsAdd(IpOp.NetnsAdd op) {
        return "netns add " + op.name();
    }

    @Override
    public String addBridge(IpOp.AddBridge op) {
        StringBuilder sb = link(new StringBuilder("link add name "), op.link()).append(" type bridge stp_state 0");
        if (op.hub()) sb.append(" ageing_time 0");
        if (op.vlanAware()) sb.append(" vlan_filtering 1 vlan_default_pvid 0");
        return sb.toString();
    }

    @Override
    public String addVeth(IpOp.AddVeth op) {
        return link(link(new StringBuilder("link add name "), op.a()).append(" type veth peer name "), op.b()).toString();
    }

    @Override
    public String addVlan(IpOp.AddVlan op) {
        return link(new StringBuilder("link add link ").append(op.parent()).append(" name "), op.link()).append(" type vlan id ").append(op.id())
                .toString();
    }

    @Override
    public String addVxlan(IpOp.AddVxlan op) {
        StringBuilder sb = link(new StringBuilder("link add name "), op.link()).append(" type vxlan id ").append(op.vni());
        if (op.local().isPresent()) sb.append(" local ").append(op.local().get());
        if (op.remote().isPresent()) sb.append(" remote ").append(op.remote().get());
        if (op.group().isPresent()) sb.append(" group ").append(op.group().get());
        if (op.underlay().isPresent()) sb.append(" dev ").append(op.underlay().get());
        sb.append(" dstport ").append(op.port());
        if (!op.learning()) sb.append(" nolearning");
        return sb.toString();
    }

    @Override
    public String addGre(IpOp.AddGre op) {
        StringBuilder sb = link(new StringBuilder("link add name "), op.link()).append(" type ").append(op.kind())
                .append(" local ").append(op.local()).append(" remote ").append(op.remote());
        if (op.key().isPresent()) sb.append(" key ").append(op.key().getAsLong());
        if (op.ttl().isPresent()) sb.append(" ttl ").append(op.ttl().getAsInt());
        if (op.underlay().isPresent()) sb.append(" dev ").append(op.underlay().get());
        return sb.toString();
    }

    @Override
    public String linkUp(IpOp.LinkUp op) {
        return linkSet(op.dev(), "up");
    }

    @Override
    public String linkMtu(IpOp.LinkMtu op) {
        return linkSet(op.dev(), "mtu " + op.mtu());
    }

    @Override
    public String linkAddress(IpOp.LinkAddress op) {
        return linkSet(op.dev(), "address " + op.mac());
    }

    @Override
    public String linkMaster(IpOp.LinkMaster op) {
        return linkSet(op.dev(), "master " + op.master());
    }

    @Override
    public String linkNoMaster(IpOp.LinkNoMaster op) {
        return linkSet(op.dev(), "nomaster");
    }

    @Override
    public String linkAlias(IpOp.LinkAlias op) {
        return linkSet(op.dev(), "alias " + op.alias());
    }

    @Override
    public String addrGenModeNone(IpOp.AddrGenModeNone op) {
        return linkSet(op.dev(), "addrgenmode none");
    }

    @Override
    public String bridgePortFlags(IpOp.BridgePortFlags op) {
        StringBuilder sb = new StringBuilder("type bridge_slave");
        if (op.learning().isPresent()) sb.append(" learning ").append(onOff(op.learning().get()));
        if (op.flood().isPresent()) sb.append(" flood ").append(onOff(op.flood().get()));
        if (op.hairpin().isPresent()) sb.append(" hairpin ").append(onOff(op.hairpin().get()));
        return linkSet(op.dev(), sb.toString());
    }

    @Override
    public String bridgeSettings(IpOp.BridgeSettings op) {
        StringBuilder sb = new StringBuilder("type bridge");
        if (op.ageingTime().isPresent()) sb.append(" ageing_time ").append(op.ageingTime().getAsLong());
        if (op.stpState().isPresent()) sb.append(" stp_state ").append(op.stpState().getAsInt());
        if (op.vlanFiltering().isPresent()) sb.append(" vlan_filtering ").append(op.vlanFiltering().get() ? 1 : 0);
        return linkSet(op.dev(), sb.toString());
    }

    @Override
    public String addrReplace(IpOp.AddrReplace op) {
        return "addr replace " + op.cidr() + " dev " + op.dev() + (op.nodad() ? " nodad" : "");
    }

    @Override
    public String routeReplace(IpOp.RouteReplace op) {
        StringBuilder sb = new StringBuilder("route replace ");
        // "default" without a gateway would be read as IPv4; name the IPv6 default explicitly
        if (op.dst().isPresent()) sb.append(op.dst().get());
        else sb.append(op.via().isPresent() ? "default" : op.v6() ? "::/0" : "0.0.0.0/0");
        if (op.via().isPresent()) sb.append(" via ").append(op.via().get());
        if (op.dev().isPresent()) sb.append(" dev ").append(op.dev().get());
        if (op.metric().isPresent()) sb.append(" metric ").append(op.metric().getAsInt());
        if (op.onlink()) sb.append(" onlink");
        return sb.toString();
    }

    @Override
    public String connectedRouteReplace(IpOp.ConnectedRouteReplace op) {
        String net = op.address().network() + " dev " + op.dev() + " proto kernel";
        return "route replace " + net + (op.address().isV6() ? " metric 256" : " scope link src " + op.address().address());
    }

    @Override
    public String routeDel(IpOp.RouteDel op) {
        return "route del " + op.dst() + " dev " + op.dev();
    }

    @Override
    public String neighReplace(IpOp.NeighReplace op) {
        return "neigh replace " + op.address() + " lladdr " + op.mac() + " dev " + op.dev() + " nud permanent";
    }

    @Override
    public String neighDel(IpOp.NeighDel op) {
        return "neigh del " + op.address() + " dev " + op.dev();
    }
}

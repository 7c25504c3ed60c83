package netlab.runtime.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.net.MacAddress;
import netlab.plan.IpOp;
import netlab.plan.OpSamples;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink requests the netlink runner builds from op records, read back field by field (no root: nothing is sent),
 * and which records it sends at all: every ip record is either sent over netlink or left to {@code ip}, by a decision
 * written for that record (a new record does not compile until it is made), and this test names which.
 */
class NetlinkRequestsTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01").orElseThrow();

    /** Interfaces with made-up indexes (eth1 = 2, sw1 = 7...), namespaces with made-up file numbers. */
    private static class FakeLinks implements NetlinkRequests.Links {
        final Map<String, Integer> indexes = Map.of("lo", 1, "eth1", 2, "eth2", 3, "h1-eth1", 4, "sw1", 7);
        final List<String> opened = new ArrayList<>();
        final boolean everyInterface;

        FakeLinks() {
            this(false);
        }

        /** @param everyInterface every name is an interface (index 5) */
        FakeLinks(boolean everyInterface) {
            this.everyInterface = everyInterface;
        }

        @Override
        public int index(String dev) {
            if (everyInterface) return 5;
            Integer i = indexes.get(dev);
            if (i == null) throw new NetlinkException(19, "Cannot find device \"" + dev + "\"");
            return i;
        }

        @Override
        public int openNetns(String netns) {
            opened.add(netns);
            return 40 + opened.size();
        }
    }

    /** A request read back: header, the family header's bytes, and the attributes (nested ones as their own map). */
    record Msg(int type, int flags, ByteBuffer family, Map<Integer, Object> attrs) {
        int u8(int at) {
            return family.get(at) & 0xff;
        }

        int u32(int at) {
            return family.getInt(at);
        }

        @SuppressWarnings("unchecked")
        Map<Integer, Object> nested(int... path) {
            Map<Integer, Object> m = attrs;
            for (int p : path) m = (Map<Integer, Object>) m.get(p);
            return m;
        }
    }

    static Msg read(NlMessage m, int familyLength, Set<Integer> nestedTypes) {
        return read(m, familyLength, nestedTypes, 8);
    }

    /** @param depth how deep nested attributes are read as attributes (deeper ones stay bytes: a veth peer starts with a struct) */
    static Msg read(NlMessage m, int familyLength, Set<Integer> nestedTypes, int depth) {
        ByteBuffer b = ByteBuffer.wrap(m.bytes(1)).order(ByteOrder.nativeOrder());
        int len = b.getInt(0);
        assertThat(len).isEqualTo(b.capacity());
        int type = b.getShort(4) & 0xffff, flags = b.getShort(6) & 0xffff;
        ByteBuffer family = b.slice(16, familyLength).order(ByteOrder.nativeOrder());
        return new Msg(type, flags, family, attrs(b, 16 + familyLength, len, nestedTypes, depth));
    }

    private static Map<Integer, Object> attrs(ByteBuffer b, int from, int to, Set<Integer> nestedTypes, int depth) {
        Map<Integer, Object> out = new HashMap<>();
        int at = from;
        while (at + 4 <= to) {
            int len = b.getShort(at) & 0xffff;
            int type = b.getShort(at + 2) & 0xffff;
            boolean nested = (type & NlMessage.NLA_F_NESTED) != 0;
            type &= ~NlMessage.NLA_F_NESTED;
            if ((nested || nestedTypes.contains(type)) && depth > 0) {
                out.put(type, attrs(b, at + 4, at + len, nestedTypes, depth - 1));
            } else {
                byte[] v = new byte[len - 4];
                b.get(at + 4, v);
                out.put(type, v);
            }
            at += (len + 3) & ~3;
        }
        return out;
    }

    static int u32(Object raw) {
        return ByteBuffer.wrap((byte[]) raw).order(ByteOrder.nativeOrder()).getInt();
    }

    static int u8(Object raw) {
        return ((byte[]) raw)[0] & 0xff;
    }

    static String string(Object raw) {
        byte[] z = (byte[]) raw;
        assertThat(z[z.length - 1]).as("NUL-terminated").isZero();
        return new String(z, 0, z.length - 1, StandardCharsets.UTF_8);
    }

    private static NlMessage request(IpOp op, FakeLinks links) {
        return op.accept(new NetlinkRequests(links));
    }

    private static final int RTM_NEWLINK = 16, RTM_NEWADDR = 20, RTM_NEWROUTE = 24;
    private static final int IFLA_ADDRESS = 1, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_MASTER = 10, IFLA_LINKINFO = 18, IFLA_IFALIAS = 20,
            IFLA_NET_NS_FD = 28;
    private static final int REQUEST_ACK = NlMessage.NLM_F_REQUEST | NlMessage.NLM_F_ACK;
    private static final int CREATE_EXCL = REQUEST_ACK | NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL;
    private static final int CREATE_REPLACE = REQUEST_ACK | NlMessage.NLM_F_CREATE | NlMessage.NLM_F_REPLACE;

    @Test
    void everyIpRecordIsSentOverNetlinkOrLeftToIpByName() {
        Set<String> sent = new TreeSet<>(), left = new TreeSet<>();
        for (IpOp op : OpSamples.ipOps()) {
            boolean speaks = NetlinkRequests.speaks(op);
            FakeLinks links = new FakeLinks(true);
            NlMessage m = op.accept(new NetlinkRequests(links));
            assertThat(m != null).as("the decision and the request agree for %s", op).isEqualTo(speaks);
            (speaks ? sent : left).add(op.getClass().getSimpleName());
            if (!speaks) assertThat(links.opened).as("nothing opened for an op ip runs").isEmpty();
        }
        assertThat(sent).containsExactly("AddBridge", "AddVeth", "AddrGenModeNone", "AddrReplace", "BridgePortFlags", "BridgeSettings",
                "LinkAddress", "LinkAlias", "LinkMaster", "LinkMtu", "LinkNoMaster", "LinkUp", "RouteReplace");
        assertThat(left).containsExactly("AddGre", "AddVlan", "AddVxlan", "ConnectedRouteReplace", "NeighDel", "NeighReplace", "NetnsAdd",
                "RouteDel");
        Set<String> all = new TreeSet<>(sent);
        all.addAll(left);
        assertThat(all).hasSize(IpOp.class.getPermittedSubclasses().length);
    }

    @Test
    void aVethPairMadeStraightIntoTwoNamespaces() {
        FakeLinks links = new FakeLinks();
        IpOp.NewLink a = new IpOp.NewLink("eth1", Optional.of(MAC), OptionalInt.of(1400), Optional.of("netlab.l.h1"));
        IpOp.NewLink b = new IpOp.NewLink("eth1", Optional.empty(), OptionalInt.empty(), Optional.of("netlab.l.h2"));
        Msg m = read(request(new IpOp.AddVeth(a, b, a.madeIn("netlab.l")), links), 16, Set.of(), 2);
        assertThat(m.type()).isEqualTo(RTM_NEWLINK);
        assertThat(m.flags()).isEqualTo(CREATE_EXCL);
        assertThat(string(m.attrs().get(IFLA_IFNAME))).isEqualTo("eth1");
        assertThat(u32(m.attrs().get(IFLA_MTU))).isEqualTo(1400);
        assertThat((byte[]) m.attrs().get(IFLA_ADDRESS)).containsExactly(2, 0, 0, 0, 0, 1);
        assertThat(u32(m.attrs().get(IFLA_NET_NS_FD))).isEqualTo(41);
        assertThat(string(m.nested(IFLA_LINKINFO).get(1))).isEqualTo("veth");
        // the peer: an ifinfomsg of 16 bytes, then its own attributes
        byte[] peer = (byte[]) m.nested(IFLA_LINKINFO, 2).get(1);
        ByteBuffer p = ByteBuffer.wrap(peer).order(ByteOrder.nativeOrder());
        Map<Integer, Object> peerAttrs = attrs(p, 16, peer.length, Set.of(), 0);
        assertThat(string(peerAttrs.get(IFLA_IFNAME))).isEqualTo("eth1");
        assertThat(u32(peerAttrs.get(IFLA_NET_NS_FD))).isEqualTo(42);
        assertThat(peerAttrs).doesNotContainKeys(IFLA_MTU, IFLA_ADDRESS);
        assertThat(links.opened).containsExactly("netlab.l.h1", "netlab.l.h2");
    }

    @Test
    void aHubIsABridgeThatForgetsAtOnceAndAVlanSwitchFilters() {
        IpOp.NewLink hub = IpOp.NewLink.named("hub1");
        Msg m = read(request(new IpOp.AddBridge(hub, true, true, hub.madeIn("netlab.l")), new FakeLinks()), 16, Set.of());
        assertThat(m.flags()).isEqualTo(CREATE_EXCL);
        assertThat(string(m.nested(IFLA_LINKINFO).get(1))).isEqualTo("bridge");
        Map<Integer, Object> data = m.nested(IFLA_LINKINFO, 2);
        assertThat(u32(data.get(4))).as("ageing_time").isZero();
        assertThat(u32(data.get(5))).as("stp_state").isZero();
        assertThat(u8(data.get(7))).as("vlan_filtering").isEqualTo(1);
        assertThat(ByteBuffer.wrap((byte[]) data.get(39)).order(ByteOrder.nativeOrder()).getShort()).as("vlan_default_pvid").isZero();

        IpOp.NewLink sw = IpOp.NewLink.named("sw9");
        Map<Integer, Object> plain = read(request(new IpOp.AddBridge(sw, false, false, sw.madeIn("netlab.l")), new FakeLinks()), 16, Set.of())
                .nested(IFLA_LINKINFO, 2);
        assertThat(plain.keySet()).as("only STP off").containsExactly(5);
    }

    @Test
    void linkSettingsGoToTheInterfacesIndex() {
        FakeLinks links = new FakeLinks();
        Msg up = read(request(new IpOp.LinkUp("eth1"), links), 16, Set.of());
        assertThat(up.flags()).isEqualTo(REQUEST_ACK);
        assertThat(up.u32(4)).as("index").isEqualTo(2);
        assertThat(up.u32(8)).as("flags").isEqualTo(1);
        assertThat(up.u32(12)).as("change").isEqualTo(1);
        assertThat(up.attrs()).isEmpty();

        Msg master = read(request(new IpOp.LinkMaster("h1-eth1", "sw1"), links), 16, Set.of());
        assertThat(master.u32(4)).isEqualTo(4);
        assertThat(master.u32(12)).as("no flag changed").isZero();
        assertThat(u32(master.attrs().get(IFLA_MASTER))).isEqualTo(7);
        assertThat(u32(read(request(new IpOp.LinkNoMaster("eth1"), links), 16, Set.of()).attrs().get(IFLA_MASTER))).isZero();
        assertThat(string(read(request(new IpOp.LinkAlias("lo", "netlab:l:1234abcd"), links), 16, Set.of()).attrs().get(IFLA_IFALIAS)))
                .isEqualTo("netlab:l:1234abcd");
        assertThat(u32(read(request(new IpOp.LinkMtu("eth1", 9000), links), 16, Set.of()).attrs().get(IFLA_MTU))).isEqualTo(9000);

        Map<Integer, Object> inet6 = read(request(new IpOp.AddrGenModeNone("eth1"), links), 16, Set.of()).nested(26, 10);
        assertThat(u8(inet6.get(8))).as("IN6_ADDR_GEN_MODE_NONE").isEqualTo(1);

        Msg port = read(request(new IpOp.BridgePortFlags("h1-eth1", Optional.of(false), Optional.of(true), Optional.empty()), links), 16, Set.of());
        assertThat(string(port.nested(IFLA_LINKINFO).get(4))).as("slave kind").isEqualTo("bridge");
        Map<Integer, Object> flags = port.nested(IFLA_LINKINFO, 5);
        assertThat(u8(flags.get(8))).as("learning").isZero();
        assertThat(u8(flags.get(9))).as("unicast flood").isEqualTo(1);
        assertThat(flags).doesNotContainKey(4);
    }

    @Test
    void anUnknownInterfaceIsTheKernelsOwnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> request(new IpOp.LinkUp("eth9"), new FakeLinks()))
                .isInstanceOf(NetlinkException.class).hasMessageContaining("eth9");
    }

    @Test
    void addressesAreReplacedAndIpv6OnesSkipDad() {
        Msg v4 = read(request(new IpOp.AddrReplace(Cidr.of("10.0.0.1/24"), "eth1"), new FakeLinks()), 8, Set.of());
        assertThat(v4.type()).isEqualTo(RTM_NEWADDR);
        assertThat(v4.flags()).isEqualTo(CREATE_REPLACE);
        assertThat(v4.u8(0)).as("AF_INET").isEqualTo(2);
        assertThat(v4.u8(1)).as("prefix").isEqualTo(24);
        assertThat(v4.u8(2)).as("no nodad").isZero();
        assertThat(v4.u32(4)).as("index").isEqualTo(2);
        assertThat((byte[]) v4.attrs().get(2)).containsExactly(10, 0, 0, 1);
        assertThat((byte[]) v4.attrs().get(1)).containsExactly(10, 0, 0, 1);
        Msg v6 = read(request(new IpOp.AddrReplace(Cidr.of("2001:db8::1/64"), "eth1"), new FakeLinks()), 8, Set.of());
        assertThat(v6.u8(0)).as("AF_INET6").isEqualTo(10);
        assertThat(v6.u8(2)).as("IFA_F_NODAD").isEqualTo(2);
    }

    @Test
    void routesAsIpWritesThem() {
        Msg def = read(request(IpOp.RouteReplace.to(Optional.empty(), false, Optional.of(IpAddress.of("10.0.0.254")), Optional.empty(),
                OptionalInt.empty()), new FakeLinks()), 12, Set.of());
        assertThat(def.type()).isEqualTo(RTM_NEWROUTE);
        assertThat(def.flags()).isEqualTo(CREATE_REPLACE);
        assertThat(def.u8(1)).as("dst len").isZero();
        assertThat(def.u8(4)).as("table main").isEqualTo(254);
        assertThat(def.u8(5)).as("proto boot").isEqualTo(3);
        assertThat(def.u8(6)).as("scope universe").isZero();
        assertThat(def.u8(7)).as("unicast").isEqualTo(1);
        assertThat(def.attrs()).containsOnlyKeys(5);
        assertThat((byte[]) def.attrs().get(5)).containsExactly(10, 0, 0, (byte) 254);

        Msg onDev = read(request(new IpOp.RouteReplace(Optional.of(Cidr.of("10.2.0.0/16")), false, Optional.empty(), Optional.of("eth2"),
                OptionalInt.of(10), false), new FakeLinks()), 12, Set.of());
        assertThat(onDev.u8(1)).isEqualTo(16);
        assertThat(onDev.u8(6)).as("scope link: no gateway").isEqualTo(253);
        assertThat((byte[]) onDev.attrs().get(1)).containsExactly(10, 2, 0, 0);
        assertThat(u32(onDev.attrs().get(4))).as("oif").isEqualTo(3);
        assertThat(u32(onDev.attrs().get(6))).as("metric").isEqualTo(10);

        Msg v6 = read(request(IpOp.RouteReplace.to(Optional.empty(), true, Optional.empty(), Optional.of("eth1"), OptionalInt.empty()),
                new FakeLinks()), 12, Set.of());
        assertThat(v6.u8(0)).isEqualTo(10);
        assertThat(v6.attrs()).as("::/0: no destination").containsOnlyKeys(4);

        Msg onlink = read(request(new IpOp.RouteReplace(Optional.of(Cidr.of("10.1.20.0/24")), false, Optional.of(IpAddress.of("10.1.20.0")),
                Optional.of("eth1"), OptionalInt.empty(), true), new FakeLinks()), 12, Set.of());
        assertThat(onlink.u32(8)).as("RTNH_F_ONLINK").isEqualTo(4);
    }
}

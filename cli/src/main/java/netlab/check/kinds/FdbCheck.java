package netlab.check.kinds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.yaml.Fields;

/**
 * {@code fdb: {switch: sw1, host: h1, port: h1:eth1}}: the switch's forwarding table has learned the host's MAC
 * on the port that leads to it. {@code port} defaults to the port the host is plugged into; on a chain of
 * switches write the far switch's name ({@code port: sw2}) for the port leading there.
 *
 * <p>Ran: the host interface's MAC and the switch's forwarding table could both be read (the interface, the
 * fabric's namespace and the bridge exist). Not learned, or learned on another port, is a failure.
 */
public record FdbCheck(String sw, Target host, Optional<String> port, Pos pos) implements CheckBody {

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "fdb";
        }

        @Override
        public Set<String> fields() {
            return Set.of("switch", "host", "port");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            return new FdbCheck(f.requiredString("switch").orElse(""), new Target(f.requiredString("host").orElse(""), f.posOf("host")),
                    f.string("port"), f.posOf("switch"));
        }
    }

    @Override
    public netlab.check.Sharing sharing() {
        return netlab.check.Sharing.READS;
    }

    @Override
    public String kind() {
        return "fdb";
    }

    @Override
    public String describe() {
        return "fdb " + sw + " has " + host + (port.map(p -> " on port to " + p).orElse(""));
    }

    @Override
    public Duration defaultTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        ModelSwitch s = model.switches().get(sw);
        if (sw.isEmpty()) return;
        if (s == null) {
            d.error(pos, "fdb check: there is no switch '" + sw + "'" + Suggest.hint(sw, model.switches().keySet()));
            return;
        }
        if (!host.validNode(model, d, "fdb host")) return;
        Optional<ModelInterface> hi = hostInterface(model, d);
        if (hi.isEmpty()) return;
        if (portName(model).isEmpty()) {
            if (port.isPresent()) {
                d.error(pos, "fdb check: switch '" + sw + "' has no port leading to '" + port.get() + "'");
            } else {
                d.error(pos, "fdb check: " + hi.get().ref() + " is not plugged into switch '" + sw + "'; say which port with 'port'"
                        + " (a node:interface or another switch's name)");
            }
        }
    }

    private Optional<ModelInterface> hostInterface(LabModel model, Diagnostics d) {
        ModelNode n = model.node(host.node()).orElseThrow();
        if (host.iface().isPresent()) return Optional.of(n.interfaces().get(host.iface().get()));
        ModelSwitch s = model.switches().get(sw);
        List<ModelInterface> linked = n.interfaces().values().stream().filter(i -> i.segment().isPresent()).toList();
        for (ModelInterface i : linked) if (s != null && s.portTo(n.name(), i.name()).isPresent()) return Optional.of(i);
        if (linked.size() == 1) return Optional.of(linked.get(0));
        if (d != null) d.error(pos, "fdb check: node '" + n.name() + "' has " + linked.size() + " links; write the interface, like " + n.name() + ":eth1");
        return Optional.empty();
    }

    private Optional<String> portName(LabModel model) {
        ModelSwitch s = model.switches().get(sw);
        if (s == null) return Optional.empty();
        if (port.isPresent()) {
            String p = port.get();
            int c = p.indexOf(':');
            if (c > 0) return s.portTo(p.substring(0, c), p.substring(c + 1)).map(ModelSwitch.Port::portName);
            return s.portToSwitch(p).map(ModelSwitch.Port::portName);
        }
        return hostInterface(model, null).flatMap(i -> s.portTo(i.node(), i.name())).map(ModelSwitch.Port::portName);
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        ModelInterface hi = hostInterface(ctx.model(), null).orElseThrow();
        String expectedPort = portName(ctx.model()).orElseThrow();
        Optional<MacAddress> mac = ctx.macOf(hi.node(), hi.name());
        if (mac.isEmpty()) return Observation.couldNotRun("cannot read the MAC of " + hi.ref());
        List<String> learned = new ArrayList<>();
        for (Map<String, Object> row : ctx.jsonRows("bridge", ctx.naming().fabricNetns(), List.of("fdb", "show", "br", sw))) {
            if ("permanent".equals(row.get("state")) || !sw.equals(row.get("master"))) continue;
            String rowMac = String.valueOf(row.get("mac"));
            String ifname = String.valueOf(row.get("ifname"));
            learned.add(rowMac + "@" + ifname);
            if (rowMac.equals(mac.get().text()) && ifname.equals(expectedPort)) {
                return Observation.ok(sw + " learned " + mac.get() + " (" + hi.ref() + ") on port " + expectedPort);
            }
            if (rowMac.equals(mac.get().text())) {
                return Observation.notOk(sw + " learned " + mac.get() + " (" + hi.ref() + ") on port " + ifname + ", not " + expectedPort);
            }
        }
        return Observation.notOk(sw + " has not learned " + mac.get() + " (" + hi.ref() + ")"
                + (learned.isEmpty() ? "; its table has no learned entries" : "; learned: " + String.join(", ", learned)));
    }
}

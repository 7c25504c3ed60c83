package netlab.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.check.Target;
import netlab.console.LabSelector;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.trace.Probe;
import netlab.trace.TraceReport;
import netlab.trace.TraceResult;
import netlab.trace.Tracer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "trace", description = "Send one probe from FROM to TO and show the path it really took. Every interface of the lab that saw "
        + "it, in order, with its Ethernet, IP and transport headers there; NAT rewrites and tunnel headers; "
        + "when it was not delivered, where it stopped and why. Exit code 1 when it was not delivered. Example: "
        + "netlab trace h1 h2 --proto tcp --port 80")
public final class TraceCommand implements Callable<Integer> {
    enum Proto { icmp, tcp, udp }

    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "FROM", description = "The sending node (node:interface to send ICMP from that interface).")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "A node (its address on a subnet FROM shares, else its first), node:interface, or an address.")
    String to;

    @Mixin
    LabOption lab;

    @Option(names = {"-p", "--proto"}, paramLabel = "PROTO", description = "icmp (echo, the default), tcp (a connection) or udp (a datagram).")
    Proto proto = Proto.icmp;

    @Option(names = "--port", paramLabel = "PORT", description = "The destination port for tcp and udp (default 80 for tcp, 53 for udp).")
    Integer port;

    @Option(names = "-6", description = "Trace over IPv6 (TO resolves to its IPv6 address).")
    boolean v6;

    @Option(names = "--json", description = "Print the trace as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NodeArgument.endpoint(from);
        NodeArgument.target(to);
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab.name(), Optional.empty(), env);
        LabModel m = r.lab().model();
        String node = from.contains(":") ? from.substring(0, from.indexOf(':')) : from;
        if (m.node(node).isEmpty()) throw NetlabException.usage("lab '" + m.name() + "' has no node '" + node + "'" + Suggest.hint(node, m.nodes().keySet()));
        Optional<String> srcIface = from.contains(":") ? Optional.of(from.substring(from.indexOf(':') + 1)) : Optional.empty();
        if (srcIface.isPresent() && m.iface(node, srcIface.get()).isEmpty()) {
            throw NetlabException.usage("node '" + node + "' has no interface '" + srcIface.get() + "'" + Suggest.hint(srcIface.get(), m.node(node).get().interfaces().keySet()));
        }
        if (port != null && proto == Proto.icmp) throw NetlabException.usage("--port is for --proto tcp or udp");
        if (port != null && (port < 1 || port > 65535)) throw NetlabException.usage("--port must be 1..65535");
        IpAddress dst = destination(m, node);
        Privileges.require();
        int p = port != null ? port : proto == Proto.tcp ? 80 : 53;
        TraceResult result = new Tracer(m, env).trace(from, to, Probe.of(proto.name(), dst, p, srcIface));
        if (json) top.out().println(TraceReport.json(result));
        else TraceReport.human(result, top.out());
        return result.delivered() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private IpAddress destination(LabModel m, String node) {
        Target t = new Target(to, Pos.unknown("trace"));
        if (t.literal().isEmpty() && m.node(t.node()).isEmpty()) {
            throw NetlabException.usage("'" + to + "' is neither a node of lab '" + m.name() + "' nor an address" + Suggest.hint(t.node(), m.nodes().keySet()));
        }
        if (t.literal().isEmpty() && t.iface().isPresent() && m.iface(t.node(), t.iface().get()).isEmpty()) {
            throw NetlabException.usage("node '" + t.node() + "' has no interface '" + t.iface().get() + "'");
        }
        return t.resolve(m, node, v6).orElseThrow(() -> NetlabException.usage("'" + to + "' has no " + (v6 ? "IPv6" : "IPv4") + " address"));
    }
}

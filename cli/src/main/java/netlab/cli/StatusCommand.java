package netlab.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.console.Table;
import netlab.errors.ExitCode;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.lab.LabStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", description = "Show a running lab as it really is (interfaces, addresses, routes of every node) and where it differs from its topology (drift). Exit code 1 when there is drift.")
public final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name when it was brought up with --name.")
    String name;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LabEnv env = top.env();
        if (lab == null && name == null && env.store().labs().size() != 1) {
            return new ListCommand().list(top, env, json);
        }
        LabSelector.Running r = LabSelector.running(lab, Optional.ofNullable(name), env);
        netlab.doctor.Privileges.require();
        LabStatus.Snapshot s = new LabStatus(env).snapshot(r.lab().model(), r.state().status(), r.state().topologyPath(), Optional.empty());
        if (json) top.out().println(Json.write(json(s)));
        else print(s, top.out());
        return s.drift().isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    /** The snapshot for --json, each drift with its fields and its line of text. */
    static java.util.Map<String, Object> json(LabStatus.Snapshot s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("lab", s.lab());
        m.put("status", s.status());
        m.put("topology", s.topology());
        m.put("nodes", s.nodes());
        m.put("drift", s.drift().stream().map(netlab.drift.Drift::json).toList());
        return m;
    }

    static void print(LabStatus.Snapshot s, PrintStream out) {
        out.printf("lab %s: %s (from %s)%n", s.lab(), s.status(), s.topology());
        Table t = new Table("NODE", "INTERFACE", "STATE", "MAC", "ADDRESSES");
        for (LabStatus.LiveNode n : s.nodes()) {
            if (!n.exists()) {
                t.row(n.name(), "-", "MISSING", "", "");
                continue;
            }
            for (LabStatus.LiveInterface i : n.interfaces()) {
                if (i.name().equals("lo") && i.addresses().stream().allMatch(a -> a.equals("127.0.0.1/8") || a.equals("::1/128"))) continue;
                t.row(n.name(), i.name(), i.state(), i.mac(), String.join(" ", i.addresses()));
            }
        }
        t.print(out);
        out.println();
        Table routes = new Table("NODE", "ROUTES");
        for (LabStatus.LiveNode n : s.nodes()) {
            List<String> rs = n.routes().stream().filter(x -> x.contains(" via ") || x.startsWith("default")).toList();
            if (!rs.isEmpty()) routes.row(n.name(), String.join("; ", rs));
        }
        if (routes.size() > 0) {
            routes.print(out);
            out.println();
        }
        if (s.drift().isEmpty()) {
            out.println("no drift: the lab matches its topology");
        } else {
            out.println("drift (" + s.drift().size() + "):");
            s.drift().forEach(d -> out.println("  " + d.text()));
        }
    }
}

package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.console.Table;
import netlab.errors.ExitCode;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/** {@code nodes}: the lab's nodes with their kind, interfaces and addresses (from the topology). */
final class NodesVerb implements Verb {
    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String usage() {
        return "nodes";
    }

    @Override
    public String summary() {
        return "the lab's nodes: kind, interfaces, addresses, gateway";
    }

    @Override
    public int run(List<String> args, ShellSession s) {
        LabModel m = s.lab().model();
        Table t = new Table("NODE", "KIND", "INTERFACES", "ROUTES");
        for (ModelNode n : m.nodes().values()) {
            List<String> ifs = new ArrayList<>();
            for (ModelInterface i : n.interfaces().values()) {
                List<String> a = i.addresses().stream().map(Cidr::toString).toList();
                ifs.add(i.name() + (a.isEmpty() ? "" : " " + String.join(",", a)));
            }
            List<String> routes = n.routes().stream().map(r -> r.destination() + r.via().map(v -> " via " + v).orElse("")).toList();
            t.row(n.name(), n.kind() + (n.spec().forwarding() ? " (router)" : ""), String.join("; ", ifs), String.join("; ", routes));
        }
        t.print(s.out());
        return ExitCode.OK;
    }
}

package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.errors.ExitCode;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.model.ModelSwitch;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/** {@code net}: who is plugged into what, one line per node and per switch. */
final class NetVerb implements Verb {
    @Override
    public String name() {
        return "net";
    }

    @Override
    public String usage() {
        return "net";
    }

    @Override
    public String summary() {
        return "the wiring: each node's interfaces and where they lead, each switch's ports";
    }

    @Override
    public int run(List<String> args, ShellSession s) {
        LabModel m = s.lab().model();
        for (ModelNode n : m.nodes().values()) {
            List<String> ends = new ArrayList<>();
            for (ModelInterface i : n.interfaces().values()) {
                if (i.name().equals("lo") && i.addresses().isEmpty()) continue;
                ends.add(i.name() + ":" + i.peer().orElse(i.spec().typeSpec().type()));
            }
            s.out().println(n.name() + " " + String.join(" ", ends));
        }
        for (ModelSwitch sw : m.switches().values()) {
            List<String> ports = new ArrayList<>();
            for (ModelSwitch.Port p : sw.ports()) {
                String to = p.peer() instanceof ModelSwitch.NodeIface ni ? ni.node() + ":" + ni.iface()
                        : p.peer() instanceof ModelSwitch.SwitchPort sp ? "switch " + sp.sw() : String.valueOf(p.peer());
                ports.add(p.portName() + ":" + to);
            }
            s.out().println(sw.name() + (sw.spec().hub() ? " (hub)" : " (switch)") + " " + String.join(" ", ports));
        }
        return ExitCode.OK;
    }
}

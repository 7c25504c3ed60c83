package netlab.shell.verbs;

import java.util.ArrayList;
import java.util.List;
import netlab.console.Table;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.model.LabModel;
import netlab.model.ModelLink;
import netlab.model.ModelSwitch;
import netlab.plan.Naming;
import netlab.shell.LiveLinks;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/** {@code links}: every link with the live state of both its ends (a link set down shows here). */
final class LinksVerb implements Verb {
    @Override
    public String name() {
        return "links";
    }

    @Override
    public String usage() {
        return "links";
    }

    @Override
    public String summary() {
        return "every link and the state of both its ends, as they are now";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        LabModel m = s.lab().model();
        String lab = s.lab().require();
        Naming naming = s.env().naming(lab);
        boolean live = s.lab().isUp();
        LiveLinks states = null;
        if (live) {
            Privileges.require();
            List<String> ns = new ArrayList<>();
            ns.add(naming.fabricNetns());
            m.nodes().keySet().forEach(n -> ns.add(naming.nodeNetns(n)));
            states = LiveLinks.read(s.env(), ns);
        }
        Table t = new Table("END A", "STATE", "END B", "STATE");
        for (ModelLink l : m.links()) {
            String a = l.a().ref();
            String sa = live ? states.state(naming.nodeNetns(l.a().node()), l.a().name()) : "-";
            String b, sb;
            if (l.toSwitch()) {
                ModelSwitch.Port p = l.switchPort().get();
                b = "switch " + l.switchName().get() + " (port " + p.portName() + ")";
                sb = live ? states.state(naming.fabricNetns(), p.portName()) : "-";
            } else {
                b = l.b().get().ref();
                sb = live ? states.state(naming.nodeNetns(l.b().get().node()), l.b().get().name()) : "-";
            }
            t.row(a, sa, b, sb);
        }
        for (ModelSwitch sw : m.switches().values()) {
            for (ModelSwitch.Port p : sw.ports()) {
                if (p.peer() instanceof ModelSwitch.SwitchPort other && sw.name().compareTo(other.sw()) < 0) {
                    String sa = live ? states.state(naming.fabricNetns(), p.portName()) : "-";
                    String sb = live ? states.state(naming.fabricNetns(), other.port()) : "-";
                    t.row("switch " + sw.name(), sa, "switch " + other.sw(), sb);
                }
            }
        }
        t.print(s.out());
        if (!live) s.out().println("(lab '" + lab + "' is not up: states unknown)");
        return ExitCode.OK;
    }
}

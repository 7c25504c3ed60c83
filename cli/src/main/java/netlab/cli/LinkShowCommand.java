package netlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.console.Table;
import netlab.errors.ExitCode;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.traffic.LinkImpairer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the impairments in force in a running lab, as the kernel has them (netem or tbf).")
public final class LinkShowCommand implements Callable<Integer> {
    @ParentCommand
    LinkCommand link;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        NetlabCommand top = link.top;
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab, Optional.empty(), env);
        netlab.doctor.Privileges.require();
        List<LinkImpairer.Live> live = new LinkImpairer(env.processes()).show(r.lab().model(), env.naming(r.lab().name()));
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (LinkImpairer.Live l : live) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("where", l.where());
                m.put("netns", l.netns());
                m.put("dev", l.dev());
                m.put("qdisc", l.qdisc());
                out.add(m);
            }
            top.out().println(Json.write(out));
        } else if (live.isEmpty()) {
            top.out().println("no impairments in lab '" + r.lab().name() + "'");
        } else {
            Table t = new Table("WHERE", "QDISC");
            live.forEach(l -> t.row(l.where(), l.qdisc()));
            t.print(top.out());
        }
        return ExitCode.OK;
    }
}

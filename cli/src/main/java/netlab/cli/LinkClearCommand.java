package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.topology.Impairment;
import netlab.traffic.ImpairedEnd;
import netlab.traffic.LinkImpairer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove the impairment of a link of a running lab (both directions unless --one-way), including one the topology declared, until the lab is rebuilt.")
public final class LinkClearCommand implements Callable<Integer> {
    @ParentCommand
    LinkCommand link;

    @Mixin
    LabOption lab;

    @Option(names = "--one-way", description = "Only what NODE:IFACE sends (default: both directions of its link).")
    boolean oneWay;

    @Parameters(arity = "1..2", paramLabel = "[LAB] NODE:IFACE", description = "The link, by one of its ends.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        NetlabCommand top = link.top;
        LabEnv env = top.env();
        LinkTarget t = LinkTarget.parse(words, lab.name(), env);
        if (!t.rest().isEmpty()) throw NetlabException.usage("'clear' takes no settings; to change them use 'netlab link set'");
        netlab.doctor.Privileges.require();
        List<ImpairedEnd> ends = LinkImpairer.ends(t.lab().lab().model(), env.naming(t.lab().lab().name()), t.iface(), oneWay, Impairment.NONE);
        List<ImpairedEnd> cleared = new LinkImpairer(env.processes()).clear(ends);
        for (ImpairedEnd e : ends) top.out().println(e.what() + ": " + (cleared.contains(e) ? "impairment removed" : "had none"));
        return ExitCode.OK;
    }
}

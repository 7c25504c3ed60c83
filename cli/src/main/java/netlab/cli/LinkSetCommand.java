package netlab.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.doctor.Feature;
import netlab.doctor.FeatureProbe;
import netlab.doctor.ProbeResult;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Suggest;
import netlab.topology.Impairment;
import netlab.traffic.ImpairedEnd;
import netlab.traffic.ImpairmentReader;
import netlab.traffic.LinkImpairer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "set", mixinStandardHelpOptions = true, description = "Impair a link of a running lab, replacing what it had: both directions unless --one-way. Settings: delay TIME, jitter TIME, loss PERCENT, rate RATE (e.g. delay 100ms jitter 10ms loss 1%% rate 10mbit). Lasts until the lab is rebuilt; a converging 'netlab up' puts the topology's impairments back.")
public final class LinkSetCommand implements Callable<Integer> {
    @ParentCommand
    LinkCommand link;

    @Mixin
    LabOption lab;

    @Option(names = "--one-way", description = "Only what NODE:IFACE sends (default: both directions of its link).")
    boolean oneWay;

    @Parameters(arity = "1..*", paramLabel = "[LAB] NODE:IFACE SETTING VALUE", description = "The link (by one of its ends) and the settings.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        NetlabCommand top = link.top;
        LabEnv env = top.env();
        LinkTarget t = LinkTarget.parse(words, lab.name(), env);
        Impairment imp = settings(t.rest());
        netlab.doctor.Privileges.require();
        Feature needed = imp.needsNetem() ? Feature.NETEM : Feature.TBF;
        ProbeResult probe = new FeatureProbe(env.processes()).probe(EnumSet.of(needed)).get(needed);
        if (probe != null && !probe.available()) {
            throw NetlabException.environment("this machine lacks " + needed.description() + " (" + probe.detail() + "); to get it: " + needed.remedy());
        }
        List<ImpairedEnd> ends = LinkImpairer.ends(t.lab().lab().model(), env.naming(t.lab().lab().name()), t.iface(), oneWay, imp);
        new LinkImpairer(env.processes()).apply(ends);
        for (ImpairedEnd e : ends) top.out().println(e.what() + ": " + imp.describe());
        return ExitCode.OK;
    }

    static Impairment settings(List<String> words) {
        Pos where = Pos.unknown("netlab link set");
        if (words.isEmpty()) throw NetlabException.usage("give at least one setting: delay TIME, jitter TIME, loss PERCENT, rate RATE");
        Map<String, Located> values = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i += 2) {
            String key = words.get(i);
            if (!ImpairmentReader.KEYS.contains(key)) {
                throw NetlabException.usage("unknown setting '" + key + "'" + Suggest.hint(key, ImpairmentReader.KEYS)
                        + "; settings: delay, jitter, loss, rate");
            }
            if (i + 1 >= words.size()) throw NetlabException.usage("'" + key + "' needs a value, like " + example(key));
            if (values.put(key, new Located(words.get(i + 1), where)) != null) throw NetlabException.usage("'" + key + "' is given twice");
        }
        Diagnostics d = new Diagnostics();
        Optional<Impairment> imp = ImpairmentReader.read(values, where, "the link", d);
        if (d.hasErrors()) throw NetlabException.usage(d.all().get(0).message());
        return imp.orElseThrow();
    }

    private static String example(String key) {
        return switch (key) {
            case "delay" -> "delay 100ms";
            case "jitter" -> "jitter 10ms";
            case "loss" -> "loss 1%";
            default -> "rate 10mbit";
        };
    }
}

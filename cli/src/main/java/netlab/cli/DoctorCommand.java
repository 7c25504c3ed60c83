package netlab.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import netlab.doctor.Feature;
import netlab.doctor.FeatureProbe;
import netlab.doctor.Privileges;
import netlab.doctor.ProbeResult;
import netlab.errors.ExitCode;
import netlab.json.Json;
import netlab.process.ProcessRunner;
import netlab.process.Tools;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "doctor", description = "Check this machine: privileges, tools, kernel features (probed in a throw-away namespace), Docker. Each missing item says how to get it. Exit code 3 when something every lab needs is missing.")
public final class DoctorCommand implements Callable<Integer> {
    /** What every lab needs; the rest only matters to labs that use it. */
    static final Set<Feature> ESSENTIAL = EnumSet.of(Feature.NETNS, Feature.VETH, Feature.BRIDGE);

    @ParentCommand
    NetlabCommand top;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    record Line(String item, boolean ok, boolean essential, String detail, String remedy) {}

    /** The images container and pod nodes use by default: built locally, never pulled. */
    private static Line images() {
        List<String> missing = new ArrayList<>();
        try {
            netlab.docker.DockerEngine engine = netlab.docker.DockerAccess.standard().engine();
            for (String image : List.of(netlab.docker.Images.BUSYBOX, netlab.docker.Images.PAUSE)) if (!engine.imageExists(image)) missing.add(image);
        } catch (netlab.errors.NetlabException e) {
            return new Line("netlab's container images", false, false, e.getMessage(), "sudo scripts/build-images.sh");
        }
        return new Line("netlab's container images (" + netlab.docker.Images.BUSYBOX + ", " + netlab.docker.Images.PAUSE + ")", missing.isEmpty(),
                false, missing.isEmpty() ? "ok" : "not built: " + String.join(", ", missing), "sudo scripts/build-images.sh (netlab never pulls)");
    }

    @Override
    public Integer call() throws Exception {
        List<Line> lines = new ArrayList<>();
        boolean root = Privileges.sufficient();
        lines.add(new Line("root privileges (CAP_NET_ADMIN, CAP_SYS_ADMIN)", root, true, root ? "ok" : "missing", "run netlab with sudo"));
        for (String tool : List.of("ip", "bridge", "tc", "sysctl")) {
            boolean found = Tools.find(tool).isPresent();
            lines.add(new Line(tool, found, true, found ? Tools.find(tool).get().toString() : "not installed",
                    "apt-get install " + (tool.equals("sysctl") ? "procps" : "iproute2")));
        }
        for (String tool : List.of("iptables", "iptables-restore")) {
            boolean found = Tools.find(tool).isPresent();
            lines.add(new Line(tool, found, false, found ? Tools.find(tool).get().toString() : "not installed", "apt-get install iptables"));
        }
        if (root && Tools.find("ip").isPresent()) {
            Map<Feature, ProbeResult> probed = new FeatureProbe(new ProcessRunner()).probe(EnumSet.allOf(Feature.class));
            for (ProbeResult r : probed.values()) {
                lines.add(new Line(r.feature().description(), r.available(), ESSENTIAL.contains(r.feature()), r.detail(), r.feature().remedy()));
            }
            if (probed.get(Feature.DOCKER).available()) lines.add(images());
        } else {
            lines.add(new Line("kernel features", false, true, "not probed (needs root and iproute2)", "run netlab doctor with sudo"));
        }
        boolean essentialOk = lines.stream().allMatch(l -> l.ok() || !l.essential());
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Line l : lines) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("item", l.item());
                m.put("ok", l.ok());
                m.put("essential", l.essential());
                m.put("detail", l.detail());
                if (!l.ok()) m.put("remedy", l.remedy());
                out.add(m);
            }
            top.out().println(Json.write(out));
        } else {
            for (Line l : lines) {
                if (l.ok()) top.out().printf("ok       %s%n", l.item());
                else top.out().printf("%-8s %s: %s%n         to get it: %s%n", l.essential() ? "MISSING" : "missing", l.item(), l.detail(), l.remedy());
            }
            top.out().println(essentialOk ? "netlab can build labs on this machine" + (lines.stream().allMatch(Line::ok) ? "" : " (labs that use a missing feature cannot run)")
                    : "netlab cannot build labs here until the MISSING items are fixed");
        }
        return essentialOk ? ExitCode.OK : ExitCode.ENVIRONMENT;
    }
}

package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.json.Json;
import netlab.testing.Labs;
import netlab.testing.NeedsUml;
import org.junit.jupiter.api.Test;

/**
 * The UML lane, run as a test: the example labs that need GRE, 802.1Q, VLAN filtering or netem are built and checked
 * by the compiled netlab inside the UML kernel (one boot, see scripts/uml-lane.sh), every check must pass, a runtime
 * {@code netlab link set} must change what a ping measures, and nothing may be left. Variants run in the same boot to
 * prove the checks test the mechanism: the VLAN lab without its VLANs must fail its isolation checks, the impairments
 * lab without impairments its delay, loss and rate checks, the GRE lab without its tunnels in use its GRE checks.
 */
@NeedsUml
class UmlLabsIT {
    static final List<String> LABS = List.of("vxlan", "gre", "vlan", "impairments");

    @Test
    void labsNeedingKernelFeaturesPassInUmlAndTheirChecksFailWithoutTheMechanism() throws Exception {
        Path out = Labs.repo().resolve("target/uml-lane-it");
        Files.createDirectories(out);
        Path flat = variant("vlan.yaml", out, "vlan-flat", t -> t.replaceAll(", vlans?: (\\[[0-9, ]+\\]|[0-9]+)\\}", "}"));
        Path unimpaired = variant("impairments.yaml", out, "impairments-none",
                t -> t.replaceAll(", impairment: \\{[^}]*\\}", "").replaceAll("\\{addresses: \\[([^]]*)\\], impairment: \\{[^}]*\\}\\}", "[$1]"));
        Path untunneled = variant("gre.yaml", out, "gre-untunneled", t -> t
                .replaceAll("(?m)^    routes:\n      - 10\\.1\\.[12]\\.0/24 via 10\\.255\\.0\\.[12].*\n", "")
                .replace("br0: {type: bridge, ports: [eth3, gt1]}", "br0: {type: bridge, ports: [eth3]}"));
        assertThat(Files.readString(untunneled)).doesNotContain("via 10.255").doesNotContain("[eth3, gt1]");
        assertThat(Files.readString(flat)).doesNotContain("vlan:").doesNotContain("vlans:");
        assertThat(Files.readString(unimpaired)).doesNotContain("impairment:");

        List<String> argv = new ArrayList<>(List.of(Labs.repo().resolve("scripts/uml-lane.sh").toString(), "--out", out.toString()));
        for (String lab : LABS) argv.add(Labs.topology(lab + ".yaml").toString());
        argv.add(flat.toString());
        argv.add(unimpaired.toString());
        argv.add(untunneled.toString());
        // the lane runs the built binary, as users do (failsafe runs this after packaging)
        Path jar = Path.of(System.getProperty("netlab.jar", Labs.repo().resolve("target/netlab.jar").toString()));
        assertThat(jar).as("the built netlab.jar (mvn package)").exists();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        System.err.println("UmlLabsIT: the lane's log. The FAIL lines of vlan-flat, impairments-none and gre-untunneled are"
                + " expected: those labs are broken on purpose, and this test asserts that exactly their checks fail.");
        System.err.println(log);
        assertThat(exit).as("the lane ran (1: checks failed, as the variants must)\n%s", log).isIn(0, 1);

        Map<String, Map<String, Map<String, Object>>> results = results(out.resolve("results.json"));
        assertThat(results.keySet()).as("labs with results\n%s", log).containsExactly("vxlan", "gre", "vlan", "impairments", "vlan-flat", "impairments-none",
                "gre-untunneled");
        for (String lab : LABS) {
            for (Map<String, Object> c : results.get(lab).values()) {
                assertThat(c.get("passed")).as("%s: %s: %s", lab, c.get("name"), c.get("detail")).isEqualTo(true);
            }
        }
        assertThat(failed(results.get("vlan-flat"))).as("without VLANs the isolation checks fail").contains(
                "h1 cannot reach h2 on its own switch (VLAN 20)",
                "h1 cannot reach h4 across the trunk (VLAN 20)",
                "h1's broadcasts never reach h2 (VLAN 20, same switch)",
                "tap reaches h3 through its VLAN 10 sub-interface");
        assertThat(failed(results.get("impairments-none"))).as("without impairments the measurements fail").contains(
                "h1 to h2 takes 200 ms there and back (100 ms each way)",
                "about 30% of h3's replies are lost",
                "a 20000-byte ping needs line time on the 1 Mbit/s link");

        assertThat(failed(results.get("gre-untunneled"))).as("without routes into the tunnel and gretap in the bridge")
                .containsExactlyInAnyOrder(
                        "h1 reaches h2 through the tunnel, two router hops (isp is hidden)",
                        "h2 reaches h1 the same way back",
                        "on the underlay h1's packets travel as IP in GRE between the routers",
                        "the LAN addresses are never the outer ones on the underlay",   // r1 sends them plainly to isp
                        "h3 reaches h4 in one L2 segment across the routed underlay",
                        "h3 resolved h4's own MAC",
                        "on the underlay h3's frames travel as Ethernet in GRE");

        // netlab link set h1:eth1 delay 300ms: both directions, so the 200 ms check now measures about 600 ms
        assertThat(Files.readString(out.resolve("link-set.rc")).strip()).isEqualTo("0");
        String runtime = Files.readString(out.resolve("runtime.json"));
        Matcher rtt = Pattern.compile("rtt avg ([0-9.]+) ms").matcher(runtime);
        assertThat(rtt.find()).as(runtime).isTrue();
        assertThat(Double.parseDouble(rtt.group(1))).as(runtime).isBetween(580.0, 800.0);

        assertThat(Files.readString(out.resolve("down.rc")).strip()).as(Files.readString(out.resolve("down.log"))).isEqualTo("0");
        assertThat(Files.readString(out.resolve("leftovers.txt"))).as("namespaces or records left inside UML").isBlank();
    }

    /** A copy of an example topology under another lab name, changed by {@code edit}. */
    private static Path variant(String file, Path dir, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        String text = Files.readString(Labs.topology(file));
        String renamed = text.replaceFirst("(?m)^name: .*$", "name: " + name);
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, edit.apply(renamed));
        return p;
    }

    /** lab → check name → the check, from the reports of {@code netlab test --json}, one JSON document per lab. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Object>>> results(Path file) throws IOException {
        Map<String, Map<String, Map<String, Object>>> out = new LinkedHashMap<>();
        for (String doc : documents(Files.readString(file))) {
            Map<String, Object> report = (Map<String, Object>) Json.parse(doc);
            Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
            for (Object c : (List<Object>) report.get("checks")) checks.put((String) ((Map<String, Object>) c).get("name"), (Map<String, Object>) c);
            out.put((String) report.get("lab"), checks);
        }
        return out;
    }

    /** Splits concatenated JSON objects at the braces that close them (braces inside strings do not count). */
    static List<String> documents(String text) {
        List<String> docs = new ArrayList<>();
        int depth = 0, start = -1;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') i++;
                else if (ch == '"') inString = false;
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{') {
                if (depth++ == 0) start = i;
            } else if (ch == '}' && --depth == 0) {
                docs.add(text.substring(start, i + 1));
            }
        }
        return docs;
    }

    private static List<String> failed(Map<String, Map<String, Object>> checks) {
        return checks.values().stream().filter(c -> !Boolean.TRUE.equals(c.get("passed"))).map(c -> (String) c.get("name")).toList();
    }
}

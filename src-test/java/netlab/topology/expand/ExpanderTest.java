package netlab.topology.expand;

import static netlab.testing.Topologies.errors;
import static netlab.testing.Topologies.load;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.InvalidTopologyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include, vars and --set, defaults and groups: what they expand to, and errors that point where a value was written. */
class ExpanderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private LoadedLab fromFile(Path file, String... sets) {
        Diagnostics d = new Diagnostics();
        List<Setting> settings = java.util.Arrays.stream(sets).map(s -> Setting.parse(s, d).orElseThrow()).toList();
        return LabLoader.fromFile(BuiltIn.catalog(), file, Optional.empty(), Budget.DEFAULT, settings);
    }

    /** The errors with the file names relative to the test's directory. */
    private List<String> fileErrors(Path file, String... sets) {
        try {
            fromFile(file, sets);
            return List.of();
        } catch (InvalidTopologyException e) {
            return e.diagnostics().stream().map(x -> x.toString().replace(dir + "/", "")).toList();
        }
    }

    @Test
    void anIncludedFilesNodesSwitchesAndLinksJoinTheLabsAndItsLinksComeFirst() throws IOException {
        write("parts/lan.yaml", """
                switches:
                  lan: {subnet: 10.9.1.0/24}
                nodes:
                  h1: {}
                links:
                  - [h1:eth1, lan]
                """);
        Path lab = write("lab.yaml", """
                name: inc
                include: parts/lan.yaml
                nodes:
                  h2: {}
                links:
                  - [h2:eth1, lan]
                """);
        LoadedLab l = fromFile(lab);
        assertThat(l.model().nodes().keySet()).containsExactly("h1", "h2");
        assertThat(l.model().node("h1").orElseThrow().interfaces().get("eth1").addresses().get(0).toString()).isEqualTo("10.9.1.1/24");
        assertThat(l.topology().name()).isEqualTo("inc");
    }

    @Test
    void anErrorInsideAnIncludedFilePointsIntoIt() throws IOException {
        write("base.yaml", """
                nodes:
                  h1: {forwading: true}
                """);
        Path lab = write("lab.yaml", """
                name: inc
                include: [base.yaml]
                nodes:
                  h1: {}
                """);
        assertThat(fileErrors(lab)).containsExactlyInAnyOrder(
                "lab.yaml:4:3: 'h1' of 'nodes' is defined here and at base.yaml:2:3",
                "base.yaml:2:8: unknown key 'forwading' in node 'h1' (did you mean 'forwarding'?)");
    }

    @Test
    void includesOutsideTheLabsDirectoryThroughALinkInACycleTwiceOrMissingAreRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("x.yaml"), "nodes: {}\n");
        Path labDir = Files.createDirectories(dir.resolve("lab"));
        Files.createSymbolicLink(labDir.resolve("link.yaml"), outside.resolve("x.yaml"));
        Files.createSymbolicLink(labDir.resolve("linkdir"), outside);
        write("lab/a.yaml", "include: b.yaml\n");
        write("lab/b.yaml", "include: a.yaml\n");
        write("lab/c.yaml", "switches: {}\n");
        Path lab = write("lab/lab.yaml", """
                name: inc
                include:
                  - /etc/hostname
                  - ../elsewhere/x.yaml
                  - link.yaml
                  - linkdir/x.yaml
                  - a.yaml
                  - c.yaml
                  - ./c.yaml
                  - nothere.yaml
                  - 7
                nodes: {h1: {}}
                """);
        List<String> errs = fileErrors(lab);
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:3:5: '/etc/hostname' is an absolute path"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:4:5: '../elsewhere/x.yaml' is outside the topology's directory"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:5:5: 'link.yaml' goes through a symbolic link"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:6:5: 'linkdir/x.yaml' goes through a symbolic link"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/b.yaml:1:10: 'a.yaml' includes itself (a cycle: a.yaml -> b.yaml -> a.yaml)"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:9:5: './c.yaml' is included twice (first at lab/lab.yaml:8:5)"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:10:5: included file 'nothere.yaml' does not exist"));
        assertThat(errs).anyMatch(e -> e.startsWith("lab/lab.yaml:11:5: an include is a file name (a string), not an integer"));
    }

    @Test
    void aStoredTopologyIsExpandedAndNeedsNeitherItsIncludesNorItsSettings() throws IOException {
        write("base.yaml", "switches:\n  lan: {subnet: \"${net}.0/24\"}\n");
        Path lab = write("lab.yaml", """
                name: inc
                include: base.yaml
                vars: {net: 10.1.1}
                nodes: {h1: {}}
                links: [[h1:eth1, lan]]
                """);
        LoadedLab built = fromFile(lab, "net=10.7.7");
        String stored = built.topology().source().text();
        assertThat(stored).doesNotContain("\ninclude:", "\nvars:", "${").contains("10.7.7.0/24");
        LoadedLab again = LabLoader.fromText(BuiltIn.catalog(), stored, "lab.yaml", "/stored.yaml", Optional.empty());
        assertThat(again.model().node("h1").orElseThrow().interfaces().get("eth1").addresses().get(0).toString()).isEqualTo("10.7.7.1/24");
    }

    @Test
    void aValueThatIsOnlyAVariableTakesItsTypeAndPositionInsideTextItIsText() {
        LoadedLab l = load("""
                name: vars
                vars: {net: 10.2.2, fwd: true}
                nodes:
                  r1:
                    forwarding: ${fwd}
                    interfaces: {eth1: ["${net}.1/24"]}
                switches: {lan: {}}
                links: [[r1:eth1, lan]]
                """);
        ModelNode r1 = l.model().node("r1").orElseThrow();
        assertThat(r1.spec().forwarding()).isTrue();
        assertThat(r1.interfaces().get("eth1").addresses().get(0).toString()).isEqualTo("10.2.2.1/24");
        // the wrong type is reported where the value was written: in vars
        assertThat(errors("""
                name: vars
                vars: {fwd: maybe}
                nodes:
                  r1: {forwarding: "${fwd}"}
                """)).containsExactly("2:13: 'forwarding' in node 'r1' must be true or false, not a string 'maybe'");
    }

    @Test
    void placeholdersAndShellVariablesStayANearMissIsAnErrorAndDollarDollarIsALiteral() {
        LoadedLab l = load("""
                name: vars
                vars: {port: 8080}
                nodes:
                  h1: {exec: ["echo $${port} ${HOME} ${port}"]}
                  h2: {}
                switches: {lan: {subnet: 10.0.0.0/24}}
                links: [[h1:eth1, lan], [h2:eth1, lan]]
                checks:
                  - exec: {node: h1, command: "wget -q -O - http://${h2}:${port}/"}
                """);
        assertThat(l.topology().nodes().get("h1").exec().get(0).text()).isEqualTo("echo ${port} ${HOME} 8080");
        assertThat(l.topology().source().text()).contains("http://${h2}:8080/");
        assertThat(errors("""
                name: vars
                vars: {port: 8080}
                nodes:
                  h1: {exec: ["echo ${prot}"]}
                """)).containsExactly("4:15: '${prot}': there is no variable 'prot' (did you mean 'port'?; write $${ for a literal ${)");
    }

    @Test
    void settingsOverrideDeclaredVariablesOnlyAndAreCheckedThemselves() throws IOException {
        Path lab = write("lab.yaml", """
                name: vars
                vars: {net: 10.1.1, h1: x}
                nodes: {h1: {interfaces: {eth1: ["${net}.1/24"]}}}
                switches: {lan: {}}
                links: [[h1:eth1, lan]]
                """);
        assertThat(fileErrors(lab, "nett=10.0.0")).containsExactly(
                "--set nett=10.0.0: the topology declares no variable 'nett' (did you mean 'net'?); declare it under 'vars' with its default",
                "lab.yaml:2:21: variable 'h1' has the name of a node or switch: ${h1} would also be its address in a check");
        Diagnostics d = new Diagnostics();
        assertThat(Setting.parse("=1", d)).isEmpty();
        assertThat(Setting.parse("a-b=1", d)).isEmpty();
        assertThat(Setting.parse("a=x\ny", d)).isEmpty();
        assertThat(d.all()).extracting(x -> x.message()).containsExactly(
                "a setting is written name=value, like --set asn=65001",
                "'a-b' is not a variable name (letters, digits and _, not first a digit)",
                "the value of a holds a control character");
        assertThat(Setting.parse("asn=65001", d).orElseThrow().value().type()).isEqualTo(netlab.yaml.YScalar.Type.INT);
        assertThat(Setting.parse("name=r1", d).orElseThrow().value().type()).isEqualTo(netlab.yaml.YScalar.Type.STR);
    }

    @Test
    void aNodesOwnSettingWinsOverItsGroupsAGroupsOverTheDefaultsOfItsKindAndThoseOverEveryNodes() {
        LoadedLab l = load("""
                name: groups
                defaults:
                  nodes: {sysctls: {net.ipv4.conf.all.rp_filter: "0", net.ipv4.ip_default_ttl: "60"}, forwarding: false}
                  kinds:
                    namespace: {sysctls: {net.ipv4.ip_default_ttl: "61"}}
                groups:
                  routers: {members: [r1, r2], forwarding: true, sysctls: {net.ipv4.ip_default_ttl: "62"}}
                  edge: {members: [r2], sysctls: {net.ipv4.ip_default_ttl: "63"}}
                nodes:
                  r1: {}
                  r2: {sysctls: {net.ipv4.ip_default_ttl: "64"}}
                  h1:
                """);
        var nodes = l.topology().nodes();
        assertThat(nodes.get("h1").forwarding()).isFalse();
        assertThat(nodes.get("r1").forwarding()).isTrue();
        assertThat(nodes.get("h1").sysctls().get("net.ipv4.ip_default_ttl").text()).isEqualTo("61");
        assertThat(nodes.get("r1").sysctls().get("net.ipv4.ip_default_ttl").text()).isEqualTo("62");
        assertThat(nodes.get("r2").sysctls().get("net.ipv4.ip_default_ttl").text()).isEqualTo("64");
        assertThat(nodes.get("r2").sysctls().get("net.ipv4.conf.all.rp_filter").text()).isEqualTo("0");
    }

    @Test
    void groupAndDefaultsErrorsPointAtTheGroupAndTheDefaults() {
        assertThat(errors("""
                name: groups
                defaults:
                  node: {}
                  kinds: {contianer: {}}
                groups:
                  g1: {members: [r1, r9, r1], forwading: true}
                  g2: {kind: container}
                nodes:
                  r1: {}
                """)).containsExactly(
                "3:3: unknown key 'node' in 'defaults' (did you mean 'nodes'?)",
                "4:11: unknown node kind 'contianer' in 'defaults: kinds' (did you mean 'container'?); kinds: container, namespace, pod",
                "6:22: group 'g1': there is no node 'r9' (did you mean 'r1'?)",
                "6:26: group 'g1' lists 'r1' twice",
                "6:31: unknown key 'forwading' in node 'r1' (did you mean 'forwarding'?)",
                "7:3: group 'g2' has no 'members' (the nodes it applies to)");
    }

    @Test
    void aTopologyWithoutExpansionIsReadAndStoredAsWritten() {
        String text = "# a comment kept\nname: plain\nnodes: {h1: {}}\n";
        assertThat(load(text).topology().source().text()).isEqualTo(text);
    }
}

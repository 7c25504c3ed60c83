package netlab.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netlab import containerlab: linux nodes and bridges, links, exec, binds, env; the management network left out and said so. */
class ContainerlabImportTest {
    @TempDir
    Path dir;

    @Test
    void linuxNodesAndABridgeWithExecBindsAndEnv() throws IOException {
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        Files.writeString(dir.resolve("lab.clab.yml"), """
                name: clab-two
                mgmt: {network: custom, ipv4-subnet: 172.100.100.0/24}
                topology:
                  kinds:
                    linux: {image: netlab/busybox:1}
                  nodes:
                    h1:
                      kind: linux
                      env: {MODE: lab}
                      binds: [files/motd:/etc/motd:ro, ../../etc/passwd:/x, /etc/shadow:/y]
                      exec: [ip addr add 10.0.0.1/24 dev eth1, ip addr add 10.0.9.1/24 dev eth3, "sh -c 'echo hi > /tmp/x'"]
                      mgmt-ipv4: 172.100.100.11
                    h2:
                      kind: linux
                      exec: [ip addr add 10.0.0.2/24 dev eth1, ip addr add 10.0.9.2/24 dev eth2]
                    br1: {kind: bridge}
                    srl: {kind: nokia_srlinux, image: ghcr.io/nokia/srlinux}
                  links:
                    - endpoints: [h1:eth1, br1:e1]
                    - endpoints: ["h2:eth1", "br1:e2"]
                    - endpoints: [h1:eth2, host:veth-h1]
                    - endpoints: [h1:eth3, h2:eth2]
                """);
        Cli.Result r = new Cli().run("import", "containerlab", dir.resolve("lab.clab.yml").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoadedLab lab = LabLoader.fromText(netlab.app.BuiltIn.catalog(), r.out(), "i.yaml", "/i.yaml", Optional.empty());
        assertThat(lab.name()).isEqualTo("clab-two");
        assertThat(lab.model().nodes().get("h1").kind()).isEqualTo("container");
        assertThat(lab.model().nodes().get("h1").interfaces().get("eth1").addresses()).hasToString("[10.0.0.1/24]");
        assertThat(lab.model().switches()).containsKey("br1");
        assertThat(r.out()).contains(dir.toRealPath().resolve("files/motd") + ":/etc/motd:ro").contains("\"MODE\": \"lab\"")
                .contains("- \"sh -c 'echo hi > /tmp/x'\"").doesNotContain("passwd:/x\"").doesNotContain("- \"/etc/shadow");
        assertThat(r.err()).contains("not imported: line 2: mgmt").contains("mgmt-ipv4").contains("../../etc/passwd:/x (outside the topology's directory)")
                .contains("/etc/shadow:/y (outside").contains("node srl of kind 'nokia_srlinux'").contains("host:veth-h1 (a link to the host");
        assertThat(netlab.check.CheckSpec.of(lab.topology())).extracting(c -> c.name()).containsExactly("neighbours on br1 (10.0.0.0/24) reach each other",
                "neighbours on h1:eth3 - h2:eth2 (10.0.9.0/24) reach each other");
    }
}

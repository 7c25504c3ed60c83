package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import netlab.json.Json;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VXLAN on this host's kernel, beyond vxlan.yaml passing (ExampleLabsIT runs it): its checks fail when the mechanism
 * they claim to prove is taken away. Without head-end replication, tenant A's hosts cannot even find each other;
 * with a tenant-B host bridged into tenant A's VNI, the isolation and learning checks catch it; and a capture filter
 * for the wrong VNI sees nothing, so the VNI checks really read the VXLAN header.
 */
@NeedsRoot
class VxlanIT {
    @TempDir
    Path stateDir;

    @TempDir
    Path dir;

    @Test
    void withoutHeadEndReplicationTenantAIsCutOffAndAWrongVniIsNotSeen() throws Exception {
        List<String> failed = failedChecks("vxlan-noflood", t -> t
                .replace("          - 10.0.2.1                     # broadcasts and unknown frames: a copy to vtep2\n", "")
                .replace("          - 10.0.1.1\n", "")
                .replace("udp[12:4] >> 8 = 200", "udp[12:4] >> 8 = 100"));
        assertThat(failed).containsExactlyInAnyOrder(
                "tenant A - h1a reaches h2a over the overlay, no router on the way",
                "tenant A - h1a reaches h3a, whose MAC no VTEP was told (flooded to vtep2)",
                "h1a resolved h2a's own MAC (one L2 segment across the underlay)",
                "tenant A's broadcasts reach h2a behind vtep2 (head-end replication)",
                "on the underlay tenant A is UDP to port 4789 with VNI 100, between the VTEPs",
                "on the underlay tenant B carries VNI 200");
    }

    @Test
    void aTenantBHostInTenantAsVniIsCaught() throws Exception {
        List<String> failed = failedChecks("vxlan-leaky", t -> replaceLast(
                t.replace("brA: {type: bridge, ports: [eth2, eth4, vxA]}", "brA: {type: bridge, ports: [eth2, eth3, eth4, vxA]}"),
                "brB: {type: bridge, ports: [eth3, vxB]}", "brB: {type: bridge, ports: [vxB]}"));
        assertThat(failed).contains(
                "tenant B - h1b reaches h2b at the address h2a has in tenant A",
                "h1b resolved 192.168.0.2 to h2b's MAC, not h2a's",
                "tenant A's broadcasts never reach tenant B's h2b",
                "tenant B learns - vtep1 learned h2b's MAC behind vtep2");
    }

    /** Runs a changed copy of vxlan.yaml with netlab test and returns the names of the checks that failed. */
    private List<String> failedChecks(String name, UnaryOperator<String> edit) throws Exception {
        String original = Files.readString(Labs.topology("vxlan.yaml"));
        String changed = edit.apply(original);
        assertThat(changed).as("the edit applies").isNotEqualTo(original);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, changed);
        String lab = Labs.uniqueName(name);
        Cli.Result r = Cli.withStateDir(stateDir).run("test", "--json", "--name", lab, file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        List<String> failed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(r.out())).get("checks");
        for (Map<String, Object> c : checks) if (!Boolean.TRUE.equals(c.get("passed"))) failed.add((String) c.get("name"));
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
        return failed;
    }

    private static String replaceLast(String text, String what, String with) {
        int i = text.lastIndexOf(what);
        assertThat(i).as("'%s' is in the text", what).isNotNegative();
        return text.substring(0, i) + with + text.substring(i + what.length());
    }
}

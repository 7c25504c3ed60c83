package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.TracedLab;
import netlab.testing.NeedsRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace through the VXLAN lab: the tenant's frame is bridged into the VTEP's VXLAN device, leaves inside a
 * UDP/VXLAN header with its VNI between the VTEP addresses, crosses the underlay router (which routes the outer
 * header only) and comes out of the far VTEP as it went in. Two tenants with the same addresses travel in their
 * own VNIs.
 */
@NeedsRoot
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceVxlanIT {
    @TempDir
    static Path stateDir;
    TracedLab traced;
    Cli cli;
    String lab;

    @BeforeAll
    void up() {
        traced = TracedLab.up(stateDir, "vxtrace", "vxlan.yaml");
        cli = traced.cli();
        lab = traced.name();
    }

    @AfterAll
    void down() {
        if (traced != null) traced.down();
    }

    private Map<String, Object> trace(String from, String to) {
        return traced.trace(0, from, to);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> onPath(Map<String, Object> t) {
        return ((List<Object>) t.get("hops")).stream().map(o -> (Map<String, Object>) o).filter(h -> Boolean.TRUE.equals(h.get("on_path"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> m, String... keys) {
        Map<String, Object> x = m;
        for (String k : keys) x = (Map<String, Object>) x.get(k);
        return x;
    }

    @Test
    @SuppressWarnings("unchecked")
    void tenantAsFrameCrossesTheUnderlayInsideVni100() {
        Map<String, Object> t = trace("h1a", "h2a");
        List<Map<String, Object>> hops = onPath(t);
        assertThat(hops.stream().map(h -> h.get("where") + " " + h.get("direction"))).containsExactly("h1a:eth1 out", "vtep1:eth2 in",
                "vtep1:vxA out", "vtep1:eth1 out", "r1:eth1 in", "r1:eth2 out", "vtep2:eth1 in", "vtep2:vxA in", "vtep2:eth2 out", "h2a:eth1 in");
        Map<String, Object> underlay = hops.get(3);
        assertThat(map(underlay, "encapsulation").get("type")).isEqualTo("vxlan");
        assertThat(map(underlay, "encapsulation").get("id")).isEqualTo(100L);
        assertThat(map(underlay, "ip").get("src")).isEqualTo("10.0.1.1");
        assertThat(map(underlay, "ip").get("dst")).isEqualTo("10.0.2.1");
        assertThat(map(underlay, "transport").get("dst_port")).isEqualTo(4789L);
        assertThat(map(underlay, "encapsulation", "inner", "ip").get("dst")).isEqualTo("192.168.0.2");
        assertThat(map(underlay, "encapsulation", "inner", "ethernet").get("src")).isEqualTo("02:00:00:00:0a:01");
        assertThat((List<Object>) underlay.get("changes")).containsExactly("encapsulated by vtep1: VXLAN VNI 100, outer 10.0.1.1 -> 10.0.2.1");
        // the underlay router routes the outer header; the tenant's frame inside is untouched (ttl 64 end to end)
        assertThat((List<Object>) hops.get(5).get("changes")).contains("routed by r1: outer ttl 64 -> 63");
        assertThat(map(hops.get(9), "ip").get("ttl")).isEqualTo(64L);
        assertThat((List<Object>) hops.get(7).get("changes")).containsExactly("decapsulated by vtep2 (vxlan header removed)");
        assertThat(t.get("answer")).isEqualTo("echo reply from 192.168.0.2");
    }

    @Test
    void tenantBUsesTheSameAddressesInItsOwnVni() {
        List<Map<String, Object>> hops = onPath(trace("h1b", "h2b"));
        assertThat(hops.get(hops.size() - 1).get("where")).isEqualTo("h2b:eth1");
        assertThat(hops.stream().filter(h -> h.get("encapsulation") != null).map(h -> map(h, "encapsulation").get("id"))).containsOnly(200L);
        assertThat(hops.stream().map(h -> (String) h.get("where"))).noneMatch(w -> w.startsWith("h2a") || w.contains("vxA"));
    }
}

package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/** No more probes at once than the kernel's backlog holds broadcasts of the lab's largest segment. */
class FloodLimitTest {
    @Test
    void aBigSegmentSendsFewerAtOnce() {
        assertThat(FloodLimit.jobs(8, 1000, 50)).isEqualTo(8);
        assertThat(FloodLimit.jobs(8, 1000, 200)).isEqualTo(5);
        assertThat(FloodLimit.jobs(8, 1000, 1000)).as("one broadcast fills the queue: one at a time").isEqualTo(1);
        assertThat(FloodLimit.jobs(8, 1000, 3000)).isEqualTo(1);
        assertThat(FloodLimit.jobs(8, 1000, 0)).as("no segment at all").isEqualTo(8);
    }

    @Test
    void theLargestSegmentCountsEveryInterfaceOnIt() {
        var lab = Topologies.load("""
                name: f
                switches: {sw1: {subnet: 10.0.1.0/24}, sw2: {subnet: 10.0.2.0/24}, sw3: {subnet: 10.0.2.0/24}}
                nodes: {a: {}, b: {}, c: {}, d: {}}
                links: [[a:eth1, sw1], [b:eth1, sw2], [c:eth1, sw3], [d:eth1, sw3], [sw2, sw3]]
                """);
        assertThat(FloodLimit.largestSegment(lab.model())).as("sw2 and sw3 joined: b, c, d").isEqualTo(3);
    }
}

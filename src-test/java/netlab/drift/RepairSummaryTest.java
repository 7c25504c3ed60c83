package netlab.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a converging up says what it did in. */
class RepairSummaryTest {
    @Test
    void countsByWhatWasDoneAndToWhat() {
        List<Drift> d = List.of(Drift.missing("h1", Drift.Thing.ROUTE, "default via 10.0.0.1"), Drift.missing("h2", Drift.Thing.ROUTE, "x"),
                Drift.extra("h1", Drift.Thing.ADDRESS, "10.0.0.9/24 on eth1"), Drift.changed("r1", Drift.Thing.RULE, "nat POSTROUTING #1", "a", "b"),
                Drift.changed("h1", Drift.Thing.INTERFACE, "eth1 mtu", "1500", "1400"), Drift.missing("v", Drift.Thing.FDB, "e"));
        assertThat(RepairSummary.of(d)).isEqualTo("restored 2 routes and 1 FDB entry, corrected 1 interface setting, replaced 1 rule, removed 1 address");
    }

    @Test
    void aRoutingDaemonIsRestarted() {
        assertThat(RepairSummary.of(List.of(Drift.missing("r1", Drift.Thing.DAEMON, "ospfd"), Drift.missing("r2", Drift.Thing.DAEMON, "bgpd"))))
                .isEqualTo("restarted 2 routing daemons");
    }
}

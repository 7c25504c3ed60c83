package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Silence while the host's neighbour table overflowed shows nothing; an answer is an answer. */
class NeighbourOverflowTest {
    @Test
    void theKernelsOverflowsAreSummedOverItsCpus() {
        String stat = """
                entries  allocs   destroys hash_grows lookups  hits     res_failed rcv_probes_mcast rcv_probes_ucast periodic_gc_runs forced_gc_runs unresolved_discards table_fulls
                000003df 00005461 00005628 00000005   0022e7b8 0000696b 00000149   00000000         00000000         0000051f         00000c2a       00000000            00000a3e
                000003df 00005b15 0000556f 00000003   00263081 00006dac 0000012e   00000000         00000000         00000000         00000bde       00000000            000009cb
                """;
        assertThat(NeighbourOverflow.tableFulls(stat)).isEqualTo(0xa3e + 0x9cb);
        assertThat(NeighbourOverflow.tableFulls("entries allocs\n00000001 00000002\n")).as("no such column").isEqualTo(-1);
    }

    @Test
    void silenceDuringAnOverflowCouldNotRunAndAnswersStand() {
        Observation silence = Observation.notOk("no reply from 10.0.0.2 (3 sent)");
        Observation judged = NeighbourOverflow.judged(silence, false, true, false);
        assertThat(judged.ran()).as("an expected failure must not pass on it").isFalse();
        assertThat(judged.detail()).startsWith("the host's neighbour table (net.ipv4.neigh.default.gc_thresh3, for every namespace) overflowed")
                .endsWith("(it saw: no reply from 10.0.0.2 (3 sent))");
        assertThat(NeighbourOverflow.judged(silence, false, false, false)).isSameAs(silence);
        Observation replies = Observation.ok("3/3 replies");
        assertThat(NeighbourOverflow.judged(replies, true, true, false)).isSameAs(replies);
        Observation notRun = Observation.couldNotRun("gone");
        assertThat(NeighbourOverflow.judged(notRun, false, true, false)).isSameAs(notRun);
        assertThat(new NeighbourOverflow.Watch(false, -1).overflowed()).as("unreadable: never claimed").isFalse();
    }
}

package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each record of ip, bridge and tc renders to the batch line the planner and the repairs wrote when ops were text (the
 * golden plans prove the planner's; these are every form, the repairs' and the pod network's too), and the samples
 * cover every record type, so a new one must say here how it is written.
 */
class BatchRenderingTest {
    @Test
    void everyRecordRendersToItsLine() {
        for (Map.Entry<BatchOp, String> e : OpSamples.lines().entrySet()) {
            assertThat(e.getKey().batchLine()).as("%s", e.getKey()).isEqualTo(e.getValue());
            assertThat(BatchLine.require(e.getKey().batchLine())).isEqualTo(e.getValue());
            assertThat(e.getKey().describe()).isEqualTo(e.getValue());
        }
    }

    @Test
    void theSamplesCoverEveryRecordType() {
        Set<Class<?>> sampled = new HashSet<>();
        for (BatchOp op : OpSamples.lines().keySet()) sampled.add(op.getClass());
        Set<Class<?>> all = new HashSet<>(List.of(IpOp.class.getPermittedSubclasses()));
        all.addAll(List.of(BridgeOp.class.getPermittedSubclasses()));
        all.add(TcOp.class);
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void eachProgramGetsItsOwnOps() {
        for (BatchOp op : OpSamples.lines().keySet()) {
            Tool want = op instanceof IpOp ? Tool.IP : op instanceof BridgeOp ? Tool.BRIDGE : Tool.TC;
            assertThat(op.tool()).as("%s", op).isEqualTo(want);
        }
    }
}

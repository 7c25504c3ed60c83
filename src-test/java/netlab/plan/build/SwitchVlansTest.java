package netlab.plan.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import netlab.plan.Op;
import netlab.plan.Tool;
import netlab.source.Pos;
import netlab.plan.BridgeOp;
import netlab.topology.PortVlans;
import org.junit.jupiter.api.Test;

class SwitchVlansTest {
    private static List<String> lines(PortVlans v) {
        return SwitchVlans.portOps("p1", v).stream().map(BridgeOp::batchLine).toList();
    }

    @Test
    void accessTrunkHybridAndUnsaidPorts() {
        assertThat(lines(new PortVlans(OptionalInt.of(10), List.of(), Pos.unknown("t"))))
                .containsExactly("vlan add vid 10 dev p1 pvid untagged");
        assertThat(lines(new PortVlans(OptionalInt.empty(), List.of(10, 20), Pos.unknown("t"))))
                .containsExactly("vlan add vid 10 dev p1", "vlan add vid 20 dev p1");
        assertThat(lines(new PortVlans(OptionalInt.of(1), List.of(30), Pos.unknown("t"))))
                .containsExactly("vlan add vid 1 dev p1 pvid untagged", "vlan add vid 30 dev p1");
        // a port the topology says nothing about is in VLAN 1, as on a real switch (the bridge has no default VLAN)
        assertThat(lines(PortVlans.NONE)).containsExactly("vlan add vid 1 dev p1 pvid untagged");
        assertThat(SwitchVlans.portOps("p1", PortVlans.NONE)).allMatch(op -> op.tool() == Tool.BRIDGE);
    }
}

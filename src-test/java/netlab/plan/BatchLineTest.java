package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.net.Cidr;
import netlab.net.MacAddress;
import netlab.topology.Impairment;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A batch op is one command of plain words: nothing a value could hold (a line break, a quote, a comment, an option)
 * gets into the input of ip, tc or bridge, even if validation missed it.
 */
class BatchLineTest {

    @Test
    void ordinaryLinesPass() {
        for (String line : List.of("link add name r1-eth1 mtu 1400 type veth peer name eth1 address 02:00:00:00:00:01 netns netlab.lab.r1",
                "addr replace fd00::1/64 dev eth1 nodad", "qdisc replace dev eth1 root netem delay 100ms 10ms loss 1.5%",
                "fdb append 00:00:00:00:00:00 dev vx100 dst 10.0.2.1", "link set dev lo alias netlab:lab:71885d1b")) {
            assertThat(BatchLine.require(line)).isEqualTo(line);
        }
    }

    @Test
    void aSecondCommandAQuoteACommentOrAnOptionIsRefused() {
        for (String line : List.of("link set dev eth1 up\nlink del eth0", "link set dev eth1 up\rlink del eth0", "link set dev eth1\tup",
                "link set dev lo alias \"a b\"", "link set dev lo alias 'a'", "link set dev lo alias a\\ b", "link set dev eth1 up #x",
                "link set dev -force up", "link  set", " link set", "link set ", "", "link set dev é up")) {
            assertThatThrownBy(() -> BatchLine.require(line)).as(line).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The records batch lines are written from hold no word that could become a second command, a comment or an option. */
    @Test
    void batchOpsCannotBeMadeOfAnythingElse() {
        MacAddress mac = MacAddress.parse("00:00:00:00:00:01").orElseThrow();
        List<ThrowingCallable> hostile = List.of(
                () -> new IpOp.LinkUp("eth1 up\nnetns del netlab.other"),
                () -> new IpOp.LinkAlias("lo", "netlab:a\nnetns del netlab.other"),
                () -> new IpOp.LinkAlias("lo", "#x"),
                () -> new IpOp.LinkMaster("eth1", "-force"),
                () -> new IpOp.NetnsAdd("netlab.a b"),
                () -> new IpOp.NewLink("eth1", Optional.empty(), OptionalInt.empty(), Optional.of("ns\"x")),
                () -> new IpOp.AddrReplace(Cidr.of("10.0.0.1/24"), "eth1 label x"),
                () -> new TcOp("eth1 root\nqdisc del dev eth2", Impairment.NONE),
                () -> new BridgeOp.FdbDel(mac, "vx1 # x", Optional.empty()),
                () -> new BridgeOp.VlanAdd(10, "p1\nvlan del vid 1 dev p2", false));
        for (ThrowingCallable c : hostile) assertThatThrownBy(c).isInstanceOf(IllegalArgumentException.class);
    }
}

package netlab.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOrderTest {
    static Frame f(int iface, long nanos) {
        return new Frame(iface, nanos, 1, new byte[] {(byte) iface});
    }

    static List<String> keys(List<Frame> frames) {
        return frames.stream().map(x -> x.iface() + "@" + x.nanos()).toList();
    }

    @Test
    void framesOfSeveralInterfacesComeOutInTimeOrderOnceTheHoldHasPassed() {
        TimeOrder o = new TimeOrder(100);
        // interface 1's reader was faster: its later frames arrive before interface 0's earlier ones
        o.add(f(1, 1010));
        o.add(f(1, 1030));
        o.add(f(0, 1000));
        o.add(f(0, 1020));
        assertThat(o.ready(1099)).isEmpty(); // nothing is 100 old yet
        assertThat(keys(o.ready(1120))).containsExactly("0@1000", "1@1010", "0@1020");
        assertThat(o.size()).isEqualTo(1);
        o.add(f(0, 1025)); // arrived late, still before the held one
        assertThat(keys(o.all())).containsExactly("0@1025", "1@1030");
        assertThat(o.size()).isZero();
    }

    @Test
    void tiesKeepTheOrderOfTheInterfacesThenOfArrival() {
        TimeOrder o = new TimeOrder(0);
        o.add(new Frame(1, 5, 1, new byte[] {1}));
        o.add(new Frame(0, 5, 1, new byte[] {2}));
        o.add(new Frame(0, 5, 1, new byte[] {3}));
        assertThat(o.all()).extracting(x -> x.data()[0]).containsExactly((byte) 2, (byte) 3, (byte) 1);
    }
}

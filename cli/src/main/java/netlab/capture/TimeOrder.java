package netlab.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Merges the frames of several interfaces into one stream in the order of their kernel timestamps. Each
 * interface's frames come in order, but the interfaces' readers race each other: a frame is held until the
 * clock has passed its timestamp by {@code holdNanos} (by then every reader has handed over what it saw before
 * it), then released with every older one. Ties keep the order of the interfaces, then of arrival.
 */
final class TimeOrder {
    private record Held(Frame frame, long arrival) {}

    private static final Comparator<Held> ORDER = Comparator.<Held>comparingLong(h -> h.frame.nanos())
            .thenComparingInt(h -> h.frame.iface()).thenComparingLong(Held::arrival);

    private final PriorityQueue<Held> held = new PriorityQueue<>(ORDER);
    private final long holdNanos;
    private long arrivals;

    TimeOrder(long holdNanos) {
        this.holdNanos = holdNanos;
    }

    void add(Frame f) {
        held.add(new Held(f, arrivals++));
    }

    /** The frames whose time has come at {@code nowNanos} (wall clock, nanoseconds since the epoch), oldest first. */
    List<Frame> ready(long nowNanos) {
        List<Frame> out = new ArrayList<>();
        while (!held.isEmpty() && held.peek().frame.nanos() <= nowNanos - holdNanos) out.add(held.poll().frame);
        return out;
    }

    /** Every frame still held, oldest first (the capture is over). */
    List<Frame> all() {
        List<Frame> out = new ArrayList<>();
        while (!held.isEmpty()) out.add(held.poll().frame);
        return out;
    }

    int size() {
        return held.size();
    }
}

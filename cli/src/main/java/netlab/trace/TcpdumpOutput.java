package netlab.trace;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what {@code tcpdump -n -tt --time-stamp-precision=nano -xx} prints: a header line starting with the
 * capture time, then the frame's bytes as hex lines ("\t0x0010:  4500 0054 ..."). The header's own decoding is
 * ignored: netlab decodes the bytes itself ({@link PacketDecoder}), the same way on every interface.
 */
final class TcpdumpOutput {
    record Frame(long nanos, byte[] bytes) {}

    private final List<Frame> frames = new ArrayList<>();
    private long currentNanos = -1;
    private ByteArrayOutputStream current;

    /** Feeds one output line. */
    synchronized void line(String line) {
        if (line.isEmpty()) return;
        if (Character.isDigit(line.charAt(0))) {
            finish();
            Optional<Long> t = timestamp(line);
            if (t.isPresent()) {
                currentNanos = t.get();
                current = new ByteArrayOutputStream();
            }
            return;
        }
        String s = line.strip();
        if (current == null || !s.startsWith("0x")) return;
        int colon = s.indexOf(':');
        if (colon < 0) return;
        for (String group : s.substring(colon + 1).trim().split("\\s+")) {
            if (group.isEmpty() || group.length() % 2 != 0 || !group.matches("[0-9a-fA-F]+")) break;
            for (int i = 0; i < group.length(); i += 2) current.write(Integer.parseInt(group.substring(i, i + 2), 16));
        }
    }

    private void finish() {
        if (current != null && current.size() > 0) frames.add(new Frame(currentNanos, current.toByteArray()));
        current = null;
    }

    synchronized List<Frame> frames() {
        finish();
        return List.copyOf(frames);
    }

    /** "1764140000.123456789 IP ..." → nanoseconds since the epoch. */
    static Optional<Long> timestamp(String line) {
        int sp = line.indexOf(' ');
        String t = sp < 0 ? line : line.substring(0, sp);
        int dot = t.indexOf('.');
        try {
            if (dot < 0) return Optional.of(Long.parseLong(t) * 1_000_000_000L);
            String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
            return Optional.of(Long.parseLong(t.substring(0, dot)) * 1_000_000_000L + Long.parseLong(frac));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

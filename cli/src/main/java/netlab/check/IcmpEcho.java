package netlab.check;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.net.IpAddress;
import netlab.runtime.icmp.Pinger;
import netlab.runtime.ns.InNetns;
import netlab.runtime.ns.LibC;

/**
 * What {@code ping} does for a ping check, done from inside the JVM: a raw ICMP socket opened inside the source
 * node's namespace (the thread enters it for the socket(2) call only; the socket stays there), echo requests sent
 * at ping's intervals, replies taken with the TTL (hop limit) they arrived with and their round trip.
 *
 * <p>It keeps ping's rules. First the kernel is asked for a route, as ping does with connect(2) on a probe socket:
 * a refusal (no route, a blackhole, unreachable or prohibit route, a broadcast address) means nothing is sent. With a
 * deadline (no loss to measure) it goes on sending, at the interval, until {@code count} replies came or the deadline
 * passed, and stops at the first ICMP error for its echoes (ping {@code -c N -w S}); to measure loss it sends exactly
 * {@code count} echoes and then waits a second for the last replies (ping {@code -c N -W 1}). A send the kernel
 * rejects counts as sent and as an error, as ping counts it.
 */
public final class IcmpEcho {
    private static final int AF_INET = 2, AF_INET6 = 10, SOCK_DGRAM = 2, SOCK_CLOEXEC = 02000000;
    private static final int SOL_SOCKET = 1, SO_BINDTODEVICE = 25, SO_TIMESTAMPNS = 35, SOL_RAW = 255, ICMP_FILTER = 1;
    private static final int IPPROTO_IPV6 = 41, IPV6_RECVHOPLIMIT = 51, IPV6_HOPLIMIT = 52, IPPROTO_ICMPV6 = 58, ICMP6_FILTER = 1;
    private static final int EAGAIN = 11, EINTR = 4, EACCES = 13, EINVAL = 22, ENETUNREACH = 101, EHOSTUNREACH = 113;
    /** Echo identifiers of this process's probes; with the random token in each echo, no probe takes another's reply. */
    private static final AtomicInteger IDS = new AtomicInteger((int) ProcessHandle.current().pid() * 7919);
    /** How long the receive waits at most before looking at the clock and at an interrupt again. */
    private static final long SLICE_NANOS = 50_000_000L;

    /**
     * What to send.
     *
     * @param device   the interface to send from ({@code from: h1:eth2}), as ping {@code -I}
     * @param interval the time between echoes
     * @param size     the payload in bytes (ping {@code -s}; 56 by default)
     * @param forLoss  send exactly {@code count} echoes and wait a second for the last replies, instead of sending until
     *                 {@code count} replies or the deadline
     * @param timeout  the deadline (the wait for the last replies when measuring loss)
     */
    public record Plan(IpAddress dst, Optional<String> device, int count, Duration interval, int size, boolean forLoss, Duration timeout) {}

    private IcmpEcho() {}

    /**
     * Pings {@code plan.dst()} from the namespace {@code netns} of {@code node}. {@link CouldNotRun} when the
     * namespace cannot be entered, a socket cannot be opened there, or the device does not exist in it.
     */
    public static Echoes run(String node, String netns, Plan plan) throws InterruptedException {
        LibC c = InNetns.libc();
        boolean v6 = plan.dst().isV6();
        int[] fds = open(c, node, netns, v6);
        int probe = fds[0], raw = fds[1];
        try {
            if (plan.device().isPresent()) {
                bindToDevice(c, probe, node, plan.device().get());
                bindToDevice(c, raw, node, plan.device().get());
            }
            byte[] to = Pinger.sockaddr(plan.dst(), 1025);
            if (c.connect(probe, to, to.length) != 0) {
                int e = c.errno();
                if (e == ENETUNREACH || e == EHOSTUNREACH || e == EINVAL || e == EACCES) return Echoes.refused("connect: " + c.strerror(e));
                throw new CouldNotRun(node + ": cannot ask the kernel for a route to " + plan.dst() + ": " + c.strerror(e));
            }
            c.close(probe);
            probe = -1;
            filter(c, raw, v6);
            return new Session(c, raw, plan).run();
        } finally {
            if (probe >= 0) c.close(probe);
            c.close(raw);
        }
    }

    /** The route probe socket and the raw socket, both opened inside the namespace; the thread leaves it at once. */
    private static int[] open(LibC c, String node, String netns, boolean v6) {
        int[] fds = NodeSockets.open(node, netns, () -> {
            int probe = c.socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (probe < 0) return new int[] {-1, c.errno(), 0};
            int raw = Pinger.open(c, v6);
            if (raw < 0) {
                int e = c.errno();
                c.close(probe);
                return new int[] {-1, e, 1};
            }
            return new int[] {probe, raw};
        });
        if (fds[0] < 0) throw new CouldNotRun(node + ": cannot open " + (fds[2] == 1 ? "a raw ICMP socket" : "a socket") + " in " + netns + ": " + c.strerror(fds[1]));
        return fds;
    }

    private static void bindToDevice(LibC c, int fd, String node, String device) {
        byte[] name = (device + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (c.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, name.length) != 0) {
            throw new CouldNotRun(node + ": cannot send from " + device + ": " + c.strerror(c.errno()));
        }
    }

    /**
     * Only echo replies and the errors that can answer an echo reach the socket (ping sets the same filter); each
     * comes with the time the kernel received it (so a round trip is not lengthened by a busy machine's scheduling).
     */
    private static void filter(LibC c, int fd, boolean v6) {
        byte[] one = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(1).array();
        c.setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, one, one.length);
        if (!v6) {
            int pass = (1 << 0) | (1 << 3) | (1 << 11) | (1 << 12); // echo reply, destination unreachable, time exceeded, parameter problem
            byte[] mask = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(~pass).array();
            c.setsockopt(fd, SOL_RAW, ICMP_FILTER, mask, mask.length);
            return;
        }
        int[] block = {-1, -1, -1, -1, -1, -1, -1, -1};
        for (int type : new int[] {1, 3, 4, 129}) block[type >> 5] &= ~(1 << (type & 31)); // unreachable, time exceeded, parameter problem, echo reply
        ByteBuffer m = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        for (int w : block) m.putInt(w);
        c.setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, m.array(), 32);
        byte[] on = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(1).array();
        c.setsockopt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, on, on.length);
    }

    /** The echoes of one ping, sent and answered on one raw socket (what comes back is judged by {@link #take}). */
    static final class Session {
        private final LibC c;
        private final int fd;
        private final Plan plan;
        private final boolean v6;
        final int id = IDS.incrementAndGet() & 0xffff;
        final long token = ThreadLocalRandom.current().nextLong();
        private final Map<Integer, Long> sentAt = new HashMap<>();
        private final Map<Integer, Echoes.Reply> replies = new java.util.LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();
        private final byte[] buf;
        private final byte[] control = new byte[128];
        private int sent;

        Session(LibC c, int fd, Plan plan) {
            this.c = c;
            this.fd = fd;
            this.plan = plan;
            this.v6 = plan.dst().isV6();
            this.buf = new byte[Math.max(2048, plan.size() + 128)];
        }

        Echoes run() throws InterruptedException {
            long start = System.nanoTime();
            long interval = plan.interval().toNanos();
            long end = start + plan.timeout().toNanos();
            long nextSend = start;
            long lastSend = start;
            byte[] to = Pinger.sockaddr(plan.dst(), 0);
            while (true) {
                if (Thread.interrupted()) throw new InterruptedException();
                long now = System.nanoTime();
                if (plan.forLoss()) {
                    if (sent >= plan.count() && (replies.size() + errors.size() >= plan.count() || now - lastSend >= 1_000_000_000L)) break;
                    if (now >= end + 2_000_000_000L) break; // the wait for replies never outlasts the check's own limit
                } else {
                    if (replies.size() >= plan.count() || !errors.isEmpty() || now >= end) break;
                }
                boolean more = plan.forLoss() ? sent < plan.count() : true;
                if (more && now >= nextSend) {
                    send(to);
                    lastSend = now;
                    nextSend += interval;
                    continue;
                }
                long until = more ? Math.min(nextSend, plan.forLoss() ? Long.MAX_VALUE : end) : plan.forLoss() ? lastSend + 1_000_000_000L : end;
                receive(Math.max(1_000_000L, Math.min(SLICE_NANOS, until - now)));
            }
            return echoes();
        }

        Echoes echoes() {
            return new Echoes(sent, new ArrayList<>(replies.values()), errors, Optional.empty());
        }

        /** Notes an echo as sent at {@code at} (its request built by {@link #request}). */
        void sent(int seq, long at) {
            sentAt.put(seq, at);
            sent++;
        }

        byte[] request(int seq) {
            return Pinger.echo(v6, id, seq, payload());
        }

        private void send(byte[] to) {
            int seq = (sent + 1) & 0xffff;
            byte[] packet = request(seq);
            sent(seq, wallNanos());
            if (c.sendto(fd, packet, packet.length, 0, to, to.length) < 0) errors.add("sendto: " + c.strerror(c.errno()));
        }

        /** ping's payload: our token first (so a reply is known as ours), then a counting pattern. */
        private byte[] payload() {
            byte[] data = new byte[plan.size()];
            byte[] t = ByteBuffer.allocate(8).putLong(token).array();
            System.arraycopy(t, 0, data, 0, Math.min(8, data.length));
            for (int i = 8; i < data.length; i++) data[i] = (byte) i;
            return data;
        }

        private void receive(long waitNanos) {
            Pinger.setReceiveTimeout(c, fd, Duration.ofNanos(waitNanos));
            int[] clen = new int[1];
            long n = c.recvmsg(fd, buf, control, clen, 0);
            long at = wallNanos();
            if (n < 0) {
                int e = c.errno();
                if (e == EAGAIN || e == EINTR) return;
                throw new CouldNotRun("receiving echo replies failed: " + c.strerror(e));
            }
            take(buf, (int) n, v6 ? hopLimit(control, clen[0]) : -1, received(control, clen[0]).orElse(at));
        }

        /**
         * One packet the raw socket received at {@code at}: a reply to one of our echoes (by identifier, token and
         * sequence number; a duplicate counts once), an ICMP error quoting one, or someone else's (ignored).
         */
        void take(byte[] b, int n, int hopLimit, long at) {
            int off = v6 ? 0 : (b[0] & 0x0f) * 4;
            if (n < off + 8) return;
            int type = b[off] & 0xff, code = b[off + 1] & 0xff;
            if (type == (v6 ? 129 : 0)) {
                if (u16(b, off + 4) != id) return;
                int seq = u16(b, off + 6);
                if (!ours(b, off + 8, n) || !sentAt.containsKey(seq) || replies.containsKey(seq)) return; // another's, or a duplicate
                int ttl = v6 ? hopLimit : b[8] & 0xff;
                replies.put(seq, new Echoes.Reply(seq, ttl, (at - sentAt.get(seq)) / 1e6));
                return;
            }
            // an error quotes the echo it answers: the IP header and the first 8 bytes of our ICMP header
            int inner = v6 ? off + 8 + 40 : off + 8 + (n > off + 8 ? (b[off + 8] & 0x0f) * 4 : 0);
            if (n < inner + 8 || (b[inner] & 0xff) != (v6 ? 128 : 8) || u16(b, inner + 4) != id) return;
            String from = v6 ? "" : "from " + (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff) + ": ";
            errors.add(from + IcmpErrors.describe(v6, type, code));
        }

        /** Whether an echo reply's data starts with our token (data shorter than the token: the identifier must do). */
        private boolean ours(byte[] b, int data, int n) {
            int len = Math.min(8, plan.size());
            if (n < data + len) return false;
            long t = token;
            for (int i = 0; i < len; i++) {
                if (b[data + i] != (byte) (t >>> (56 - 8 * i))) return false;
            }
            return true;
        }

        private static int u16(byte[] b, int i) {
            return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
        }

        /** The hop limit an IPv6 reply arrived with, from its control message; -1 when there is none. */
        static int hopLimit(byte[] control, int length) {
            int at = cmsg(control, length, IPPROTO_IPV6, IPV6_HOPLIMIT, 4);
            return at < 0 ? -1 : ByteBuffer.wrap(control).order(ByteOrder.nativeOrder()).getInt(at);
        }

        /** When the kernel received the packet (SO_TIMESTAMPNS, the wall clock in nanoseconds), if it said. */
        static Optional<Long> received(byte[] control, int length) {
            int at = cmsg(control, length, SOL_SOCKET, SO_TIMESTAMPNS, 16);
            if (at < 0) return Optional.empty();
            ByteBuffer m = ByteBuffer.wrap(control).order(ByteOrder.nativeOrder());
            return Optional.of(m.getLong(at) * 1_000_000_000L + m.getLong(at + 8));
        }

        /** Where the data of the control message of {@code level} and {@code type} starts, or -1 (struct cmsghdr, LP64). */
        private static int cmsg(byte[] control, int length, int level, int type, int dataLength) {
            ByteBuffer m = ByteBuffer.wrap(control, 0, length).order(ByteOrder.nativeOrder());
            int pos = 0;
            while (pos + 16 <= length) {
                long len = m.getLong(pos);
                if (m.getInt(pos + 8) == level && m.getInt(pos + 12) == type && pos + 16 + dataLength <= length) return pos + 16;
                if (len < 16) break;
                pos += (int) ((len + 7) & ~7L);
            }
            return -1;
        }

        /** The wall clock in nanoseconds, the clock of the kernel's receive times (ping measures the same way). */
        private static long wallNanos() {
            java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
    }
}

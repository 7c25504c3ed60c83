package netlab.runtime.icmp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import netlab.net.IpAddress;
import netlab.runtime.ns.InNetns;
import netlab.runtime.ns.LibC;

/**
 * Pings many addresses at once from inside one namespace: one raw ICMP socket, every echo request sent back to
 * back, replies collected until all came or the time is up, the silent ones asked once more. What {@code ping}
 * does per target in a process of its own, done for a whole row of an all-pairs matrix in one go.
 * Call it on a thread that has entered the source namespace ({@link InNetns#call}).
 */
public final class Pinger {
    private static final int AF_INET = 2, AF_INET6 = 10, SOCK_RAW = 3, SOCK_CLOEXEC = 02000000;
    private static final int IPPROTO_ICMP = 1, IPPROTO_ICMPV6 = 58;
    private static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20;
    private static final int ECHO_REQUEST_V4 = 8, ECHO_REPLY_V4 = 0, ECHO_REQUEST_V6 = 128, ECHO_REPLY_V6 = 129;

    private Pinger() {}

    /**
     * Which targets answered (same order as {@code targets}). At most {@code window} requests are outstanding at
     * a time: on one L2 segment every first packet to a host costs an ARP broadcast to every port, and a burst of
     * them overflows the kernel's receive backlog. A request unanswered after {@code retryAfter} (long enough for
     * one ARP retransmission) is sent again, until {@code endNanos} (a {@link System#nanoTime()} instant).
     */
    public static BitSet ping(List<IpAddress> targets, boolean v6, long endNanos, int window, Duration retryAfter) {
        LibC c = InNetns.libc();
        int n = targets.size();
        BitSet answered = new BitSet(n);
        if (n == 0) return answered;
        int fd = open(c, v6);
        if (fd < 0) throw new IllegalStateException("cannot open a raw ICMP socket (root needed)");
        try {
            setReceiveTimeout(c, fd, Duration.ofMillis(5));
            int id = (int) (ProcessHandle.current().pid() ^ Thread.currentThread().getId()) & 0xffff;
            byte[] buf = new byte[2048];
            long[] sentAt = new long[n];
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
            for (int i = 0; i < n; i++) queue.add(i);
            java.util.Set<Integer> outstanding = new java.util.LinkedHashSet<>();
            long end = endNanos;
            while (answered.cardinality() < n && System.nanoTime() < end) {
                while (outstanding.size() < window && !queue.isEmpty()) {
                    int i = queue.poll();
                    byte[] packet = echo(v6, id, i);
                    byte[] addr = sockaddr(targets.get(i));
                    c.sendto(fd, packet, packet.length, 0, addr, addr.length);
                    sentAt[i] = System.nanoTime();
                    outstanding.add(i);
                }
                long got = c.recv(fd, buf, buf.length, 0);
                if (got > 0) {
                    int seq = replySeq(buf, (int) got, v6, id);
                    if (seq >= 0 && seq < n && !answered.get(seq)) {
                        answered.set(seq);
                        outstanding.remove(seq);
                    }
                }
                long now = System.nanoTime();
                for (java.util.Iterator<Integer> it = outstanding.iterator(); it.hasNext(); ) {
                    int i = it.next();
                    if (now - sentAt[i] > retryAfter.toNanos()) {
                        it.remove();
                        queue.add(i); // ask again (the last answers still count if they arrive late)
                    }
                }
            }
        } finally {
            c.close(fd);
        }
        return answered;
    }

    /**
     * A raw ICMP (or ICMPv6) socket in the calling thread's network namespace, or -1 ({@link LibC#errno} says why).
     * It stays in that namespace for its whole life, whichever thread then uses it.
     */
    public static int open(LibC c, boolean v6) {
        return c.socket(v6 ? AF_INET6 : AF_INET, SOCK_RAW | SOCK_CLOEXEC, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
    }

    public static void setReceiveTimeout(LibC c, int fd, Duration d) {
        byte[] tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder()).putLong(0).putLong(d.toNanos() / 1000).array();
        c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, tv.length);
    }

    private static byte[] echo(boolean v6, int id, int seq) {
        byte[] data = ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(0x6e65746c6162L).array(); // "netlab"
        return echo(v6, id, seq, data);
    }

    /** An echo request carrying {@code data}, ready for sendto(2) on a raw socket of {@link #open}. */
    public static byte[] echo(boolean v6, int id, int seq, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(8 + data.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) (v6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4)).put((byte) 0).putShort((short) 0)
                .putShort((short) id).putShort((short) seq).put(data);
        byte[] p = b.array();
        if (!v6) { // the kernel fills in the ICMPv6 checksum itself; ICMPv4's is ours
            int sum = checksum(p);
            p[2] = (byte) (sum >> 8);
            p[3] = (byte) sum;
        }
        return p;
    }

    /** The sequence number of our echo reply in {@code buf}, or -1 (IPv4 raw sockets include the IP header). */
    private static int replySeq(byte[] buf, int n, boolean v6, int id) {
        int off = v6 ? 0 : (buf[0] & 0x0f) * 4;
        if (n < off + 8) return -1;
        int type = buf[off] & 0xff;
        if (type != (v6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4)) return -1;
        int replyId = ((buf[off + 4] & 0xff) << 8) | (buf[off + 5] & 0xff);
        if (replyId != id) return -1;
        return ((buf[off + 6] & 0xff) << 8) | (buf[off + 7] & 0xff);
    }

    private static byte[] sockaddr(IpAddress a) {
        return sockaddr(a, 0);
    }

    /** The struct sockaddr_in or sockaddr_in6 of an address and port, as sendto(2) and connect(2) take it. */
    public static byte[] sockaddr(IpAddress a, int port) {
        byte[] raw = a.toBytes();
        if (!a.isV6()) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            b.putShort((short) AF_INET);
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) port);
            b.put(raw);
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_INET6);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0);
        b.put(raw);
        b.putInt(0);
        return b.array();
    }


    static int checksum(byte[] p) {
        long sum = 0;
        for (int i = 0; i + 1 < p.length; i += 2) sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        if (p.length % 2 == 1) sum += (p[p.length - 1] & 0xff) << 8;
        while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
        return (int) (~sum & 0xffff);
    }

    /** Addresses as text, for messages. */
    public static List<String> names(List<IpAddress> targets, BitSet which) {
        List<String> out = new ArrayList<>();
        for (int i = which.nextSetBit(0); i >= 0; i = which.nextSetBit(i + 1)) out.add(targets.get(i).toString());
        return out;
    }
}

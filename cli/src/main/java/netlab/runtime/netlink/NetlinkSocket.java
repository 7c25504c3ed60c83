package netlab.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import netlab.runtime.ns.InNetns;
import netlab.runtime.ns.LibC;

/**
 * An rtnetlink socket of the calling thread's network namespace (open it after entering the namespace). Each
 * request is sent with an acknowledgement asked for and waited for, like {@code ip} does line by line.
 */
final class NetlinkSocket implements AutoCloseable {
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 02000000;
    static final int NETLINK_ROUTE = 0;
    /** nf_tables' netlink family: how netlab tells whether a namespace has any firewall tables at all. */
    static final int NETLINK_NETFILTER = 12;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;

    private final LibC c = InNetns.libc();
    private final int fd;
    private int seq = 1;
    private final byte[] reply = new byte[16384];

    NetlinkSocket() {
        this(NETLINK_ROUTE);
    }

    NetlinkSocket(int protocol) {
        fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        if (fd < 0) throw new NetlinkException(-1, "cannot open a netlink socket");
        byte[] addr = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK).array();
        if (c.bind(fd, addr, addr.length) != 0) {
            c.close(fd);
            throw new NetlinkException(-1, "cannot bind a netlink socket");
        }
    }

    /** Sends the request and waits for its acknowledgement; a refusal becomes a {@link NetlinkException}. */
    void request(NlMessage m) {
        int mySeq = seq++;
        byte[] out = m.bytes(mySeq);
        if (c.send(fd, out, out.length, 0) != out.length) throw new NetlinkException(-1, "netlink send failed");
        while (true) {
            long n = c.recv(fd, reply, reply.length, 0);
            if (n < 0) throw new NetlinkException(-1, "netlink receive failed");
            ByteBuffer b = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 16) {
                int start = b.position();
                int len = b.getInt();
                int type = b.getShort() & 0xffff;
                b.getShort();
                int s = b.getInt();
                b.getInt();
                if (type == NLMSG_ERROR && s == mySeq) {
                    int error = b.getInt();
                    if (error == 0) return;
                    throw new NetlinkException(-error, c.strerror(-error));
                }
                if (len < 16) break;
                b.position(start + ((len + 3) & ~3));
            }
        }
    }

    /**
     * Sends several messages in one datagram (an nf_tables batch: begin, changes, end) and waits for the acknowledgement of
     * message {@code acked}; a refusal becomes a {@link NetlinkException}.
     */
    void batch(java.util.List<NlMessage> messages, int acked) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int ackSeq = 0;
        for (int i = 0; i < messages.size(); i++) {
            int s = seq++;
            if (i == acked) ackSeq = s;
            byte[] b = messages.get(i).bytes(s);
            out.write(b, 0, b.length);
        }
        byte[] all = out.toByteArray();
        if (c.send(fd, all, all.length, 0) != all.length) throw new NetlinkException(-1, "netlink send failed");
        awaitAck(ackSeq);
    }

    private void awaitAck(int mySeq) {
        while (true) {
            long n = c.recv(fd, reply, reply.length, 0);
            if (n < 0) throw new NetlinkException(-1, "netlink receive failed");
            ByteBuffer b = ByteBuffer.wrap(reply, 0, (int) n).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 16) {
                int start = b.position();
                int len = b.getInt();
                int type = b.getShort() & 0xffff;
                b.getShort();
                int s = b.getInt();
                b.getInt();
                if (type == NLMSG_ERROR) {
                    int error = b.getInt();
                    if (error != 0) throw new NetlinkException(-error, c.strerror(-error));
                    if (s == mySeq) return;
                }
                if (len < 16) break;
                b.position(start + ((len + 3) & ~3));
            }
        }
    }

    /** Sends a dump request and returns every message of the answer (header included) until NLMSG_DONE. */
    java.util.List<ByteBuffer> dump(NlMessage m) {
        int mySeq = seq++;
        byte[] out = m.bytes(mySeq);
        if (c.send(fd, out, out.length, 0) != out.length) throw new NetlinkException(-1, "netlink send failed");
        java.util.List<ByteBuffer> messages = new java.util.ArrayList<>();
        byte[] buf = new byte[65536];
        while (true) {
            long n = c.recv(fd, buf, buf.length, 0);
            if (n < 0) throw new NetlinkException(-1, "netlink receive failed");
            ByteBuffer b = ByteBuffer.wrap(buf, 0, (int) n).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 16) {
                int start = b.position();
                int len = b.getInt(start);
                int type = b.getShort(start + 4) & 0xffff;
                int s = b.getInt(start + 8);
                if (len < 16 || start + len > n) return messages;
                if (s == mySeq) {
                    if (type == NLMSG_DONE) return messages;
                    if (type == NLMSG_ERROR) {
                        int error = b.getInt(start + 16);
                        if (error != 0) throw new NetlinkException(-error, c.strerror(-error));
                    } else {
                        byte[] copy = new byte[len];
                        System.arraycopy(buf, start, copy, 0, len);
                        messages.add(ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder()));
                    }
                }
                b.position(start + ((len + 3) & ~3));
            }
        }
    }

    @Override
    public void close() {
        c.close(fd);
    }
}

package netlab.runtime.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one rtnetlink request: the 16-byte netlink header, the family header (ifinfomsg, ifaddrmsg,
 * rtmsg…) written by the caller, then attributes, nested where needed, each padded to 4 bytes.
 */
final class NlMessage {
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    static final int NLA_F_NESTED = 0x8000;

    private final ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());

    static final int NLM_F_DUMP = 0x300;

    NlMessage(int type, int flags) {
        this(type, flags, true);
    }

    /** A message that asks for no acknowledgement (the begin and end of an nf_tables batch). */
    static NlMessage unacknowledged(int type) {
        return new NlMessage(type, 0, false);
    }

    /** A dump request (no acknowledgement: the answer ends with NLMSG_DONE). */
    static NlMessage dump(int type) {
        return new NlMessage(type, NLM_F_DUMP, false);
    }

    private NlMessage(int type, int flags, boolean ack) {
        b.putInt(0); // length, filled by bytes()
        b.putShort((short) type);
        b.putShort((short) (flags | NLM_F_REQUEST | (ack ? NLM_F_ACK : 0)));
        b.putInt(0); // sequence, set by the socket
        b.putInt(0); // port id: the kernel
    }

    /**
     * A request whose body (family header and attributes) is {@code body}: an object as a dump returned it, sent back
     * with another type (RTM_DELROUTE for a route RTM_GETROUTE listed), so exactly that object is meant.
     */
    static NlMessage withBody(int type, byte[] body) {
        NlMessage m = new NlMessage(type, 0, true);
        m.b.put(body);
        return m;
    }

    NlMessage u8(int v) {
        b.put((byte) v);
        return this;
    }

    NlMessage u16(int v) {
        b.putShort((short) v);
        return this;
    }

    NlMessage u32(int v) {
        b.putInt(v);
        return this;
    }

    NlMessage attr(int type, byte[] value) {
        b.putShort((short) (4 + value.length));
        b.putShort((short) type);
        b.put(value);
        pad();
        return this;
    }

    NlMessage attrU8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    NlMessage attrU16(int type, int v) {
        return attr(type, ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array());
    }

    NlMessage attrU32(int type, int v) {
        return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array());
    }

    /** A NUL-terminated string attribute. */
    NlMessage attrString(int type, String s) {
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[raw.length + 1];
        System.arraycopy(raw, 0, z, 0, raw.length);
        return attr(type, z);
    }

    /** Starts a nested attribute; returns the position to pass to {@link #end}. */
    int begin(int type) {
        int at = b.position();
        b.putShort((short) 0);
        b.putShort((short) (type | NLA_F_NESTED));
        return at;
    }

    void end(int at) {
        b.putShort(at, (short) (b.position() - at));
    }

    /** Starts a struct inside the message (the veth peer's ifinfomsg); nothing to do but keep writing. */
    ByteBuffer buffer() {
        return b;
    }

    private void pad() {
        while (b.position() % 4 != 0) b.put((byte) 0);
    }

    byte[] bytes(int seq) {
        int len = b.position();
        b.putInt(0, len);
        b.putInt(8, seq);
        byte[] out = new byte[len];
        b.get(0, out, 0, len);
        return out;
    }
}

package netlab.runtime.ns;

import com.kenai.jffi.ArrayFlags;
import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.HeapInvocationBuffer;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.charset.StandardCharsets;

/**
 * {@link LibC} through jffi's plain call interface: each function is looked up once and called with its
 * arguments laid out by hand. Unlike a generated jnr-ffi binding, nothing is compiled at run time, which keeps
 * the first namespace operation of a short command (status, check) from costing a tenth of a second.
 */
final class JffiLibC implements LibC {
    private static final Invoker INVOKER = Invoker.getInstance();
    private static final int IN = ArrayFlags.IN | ArrayFlags.NULTERMINATE;

    private final Fn open = fn("open", Type.SINT, Type.POINTER, Type.SINT);
    private final Fn close = fn("close", Type.SINT, Type.SINT);
    private final Fn setns = fn("setns", Type.SINT, Type.SINT, Type.SINT);
    private final Fn socket = fn("socket", Type.SINT, Type.SINT, Type.SINT, Type.SINT);
    private final Fn bind = fn("bind", Type.SINT, Type.SINT, Type.POINTER, Type.UINT);
    private final Fn connect = fn("connect", Type.SINT, Type.SINT, Type.POINTER, Type.UINT);
    private final Fn send = fn("send", Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT);
    private final Fn recv = fn("recv", Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT);
    private final Fn sendto = fn("sendto", Type.SLONG, Type.SINT, Type.POINTER, Type.ULONG, Type.SINT, Type.POINTER, Type.UINT);
    private final Fn setsockopt = fn("setsockopt", Type.SINT, Type.SINT, Type.SINT, Type.SINT, Type.POINTER, Type.UINT);
    private final Fn ifNameToIndex = fn("if_nametoindex", Type.UINT, Type.POINTER);
    private final Fn strerror = fn("strerror", Type.POINTER, Type.SINT);
    private final Fn umount2 = fn("umount2", Type.SINT, Type.POINTER, Type.SINT);
    private final Fn recvmsg = fn("recvmsg", Type.SLONG, Type.SINT, Type.POINTER, Type.SINT);

    /** A libc function: its address and how it is called. */
    private record Fn(String name, long address, CallContext ctx) {}

    private static Fn fn(String name, Type result, Type... params) {
        long address = Library.getDefault().getSymbolAddress(name);
        if (address == 0) throw new UnsatisfiedLinkError("libc has no " + name + ": " + Library.getLastError());
        // errno saved after every call, so that errno() tells why one failed (a probe tells "no route" from a broken socket)
        return new Fn(name, address, CallContext.getCallContext(result, params, CallingConvention.DEFAULT, true));
    }

    private static HeapInvocationBuffer buffer(Fn f) {
        return new HeapInvocationBuffer(f.ctx());
    }

    private static byte[] cString(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int open(String path, int flags) {
        HeapInvocationBuffer b = buffer(open);
        byte[] p = cString(path);
        b.putArray(p, 0, p.length, IN);
        b.putInt(flags);
        return INVOKER.invokeInt(open.ctx(), open.address(), b);
    }

    @Override
    public int close(int fd) {
        return INVOKER.invokeI1(close.ctx(), close.address(), fd);
    }

    @Override
    public int setns(int fd, int nstype) {
        return INVOKER.invokeI2(setns.ctx(), setns.address(), fd, nstype);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return INVOKER.invokeI3(socket.ctx(), socket.address(), domain, type, protocol);
    }

    @Override
    public int bind(int fd, byte[] address, int length) {
        HeapInvocationBuffer b = buffer(bind);
        b.putInt(fd);
        b.putArray(address, 0, address.length, ArrayFlags.IN);
        b.putInt(length);
        return INVOKER.invokeInt(bind.ctx(), bind.address(), b);
    }

    @Override
    public int connect(int fd, byte[] address, int length) {
        HeapInvocationBuffer b = buffer(connect);
        b.putInt(fd);
        b.putArray(address, 0, address.length, ArrayFlags.IN);
        b.putInt(length);
        return INVOKER.invokeInt(connect.ctx(), connect.address(), b);
    }

    @Override
    public long send(int fd, byte[] buffer, long length, int flags) {
        HeapInvocationBuffer b = buffer(send);
        b.putInt(fd);
        b.putArray(buffer, 0, buffer.length, ArrayFlags.IN);
        b.putLong(length);
        b.putInt(flags);
        return INVOKER.invokeLong(send.ctx(), send.address(), b);
    }

    @Override
    public long recv(int fd, byte[] buffer, long length, int flags) {
        HeapInvocationBuffer b = buffer(recv);
        b.putInt(fd);
        b.putArray(buffer, 0, buffer.length, ArrayFlags.OUT);
        b.putLong(length);
        b.putInt(flags);
        return INVOKER.invokeLong(recv.ctx(), recv.address(), b);
    }

    @Override
    public long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength) {
        HeapInvocationBuffer b = buffer(sendto);
        b.putInt(fd);
        b.putArray(buffer, 0, buffer.length, ArrayFlags.IN);
        b.putLong(length);
        b.putInt(flags);
        b.putArray(address, 0, address.length, ArrayFlags.IN);
        b.putInt(addressLength);
        return INVOKER.invokeLong(sendto.ctx(), sendto.address(), b);
    }

    @Override
    public int setsockopt(int fd, int level, int option, byte[] value, int length) {
        HeapInvocationBuffer b = buffer(setsockopt);
        b.putInt(fd);
        b.putInt(level);
        b.putInt(option);
        b.putArray(value, 0, value.length, ArrayFlags.IN);
        b.putInt(length);
        return INVOKER.invokeInt(setsockopt.ctx(), setsockopt.address(), b);
    }

    @Override
    public int if_nametoindex(String name) {
        HeapInvocationBuffer b = buffer(ifNameToIndex);
        byte[] n = cString(name);
        b.putArray(n, 0, n.length, IN);
        return INVOKER.invokeInt(ifNameToIndex.ctx(), ifNameToIndex.address(), b);
    }

    @Override
    public int umount2(String target, int flags) {
        HeapInvocationBuffer b = buffer(umount2);
        byte[] t = cString(target);
        b.putArray(t, 0, t.length, IN);
        b.putInt(flags);
        return INVOKER.invokeInt(umount2.ctx(), umount2.address(), b);
    }

    @Override
    public int errno() {
        return LastError.getInstance().get();
    }

    /** struct msghdr and struct iovec on a 64-bit Linux (LP64): the offsets recvmsg(2) reads and writes. */
    private static final int MSGHDR_SIZE = 56, IOVEC_SIZE = 16, NAME_SIZE = 128;

    @Override
    public long recvmsg(int fd, byte[] buffer, byte[] control, int[] controlLength, int flags) {
        MemoryIO io = MemoryIO.getInstance();
        long size = MSGHDR_SIZE + IOVEC_SIZE + NAME_SIZE + buffer.length + control.length;
        long mem = io.allocateMemory(size, true);
        if (mem == 0) throw new OutOfMemoryError("recvmsg: no native memory for " + size + " bytes");
        try {
            long msg = mem, iov = mem + MSGHDR_SIZE, name = iov + IOVEC_SIZE, data = name + NAME_SIZE, ctl = data + buffer.length;
            io.putLong(iov, data);
            io.putLong(iov + 8, buffer.length);
            io.putLong(msg, name);
            io.putInt(msg + 8, NAME_SIZE);
            io.putLong(msg + 16, iov);
            io.putLong(msg + 24, 1);
            io.putLong(msg + 32, control.length == 0 ? 0 : ctl);
            io.putLong(msg + 40, control.length);
            HeapInvocationBuffer b = buffer(recvmsg);
            b.putInt(fd);
            b.putAddress(msg);
            b.putInt(flags);
            long n = INVOKER.invokeLong(recvmsg.ctx(), recvmsg.address(), b);
            int saved = LastError.getInstance().get();
            if (n > 0) io.getByteArray(data, buffer, 0, (int) Math.min(n, buffer.length));
            int clen = (int) Math.min(io.getLong(msg + 40), control.length);
            if (clen > 0) io.getByteArray(ctl, control, 0, clen);
            controlLength[0] = n >= 0 ? clen : 0;
            LastError.getInstance().set(saved); // what recvmsg left, not what the copies did
            return n;
        } finally {
            io.freeMemory(mem);
        }
    }

    @Override
    public String strerror(int errnum) {
        long p = INVOKER.invokeL1(strerror.ctx(), strerror.address(), errnum);
        if (p == 0) return "error " + errnum;
        return new String(MemoryIO.getInstance().getZeroTerminatedByteArray(p), StandardCharsets.UTF_8);
    }
}

package netlab.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import netlab.check.CurlProbe.Connection;
import netlab.check.CurlProbe.Result;
import netlab.net.IpAddress;

/**
 * A TCP connection, and an HTTP GET over it, from inside a node without a process: the socket is opened by a thread
 * that enters the node's namespace for that call only (a socket belongs to the namespace it was made in, whichever
 * thread then uses it), and the connection is made and used from netlab's own namespace. It tells what curl's
 * verbose lines told: connected, refused (a TCP reset or an ICMP port unreachable), unreachable (another ICMP error,
 * or the kernel's own "no route", then nothing was sent), or silence until the time limit (filtered).
 */
public final class TcpProbe {
    /** How long a wait lasts at most before the clock and an interrupt are looked at again. */
    private static final long SLICE_MILLIS = 50;

    private TcpProbe() {}

    /** Opens a TCP connection to {@code dst}:{@code port} and closes it again; {@code timeout} bounds the attempt. */
    public static Result connect(String node, String netns, IpAddress dst, int port, Duration timeout) throws InterruptedException {
        try (SocketChannel ch = open(node, netns, dst)) {
            return connect(ch, dst, port, System.nanoTime() + timeout.toNanos());
        } catch (IOException e) {
            return new Result(Connection.ERROR, message(e), 1, 0, "");
        }
    }

    /**
     * An HTTP GET of {@code target}: the connection within {@code connectTimeout}, the whole exchange within
     * {@code timeout} (curl's --connect-timeout and --max-time).
     */
    public static Result get(String node, String netns, HttpTarget target, Duration connectTimeout, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = open(node, netns, target.address())) {
            Result c = connect(ch, target.address(), target.port(), Math.min(end, System.nanoTime() + connectTimeout.toNanos()));
            if (c.connection() != Connection.CONNECTED) return c;
            HttpAnswer a = exchange(ch, target.request(), end, timeout);
            return new Result(Connection.CONNECTED, a.complete() ? "" : a.problem(), a.complete() ? 0 : 1, a.status(), a.body());
        } catch (IOException e) {
            return new Result(Connection.ERROR, message(e), 1, 0, "");
        }
    }

    /** A non-blocking TCP socket made inside the node's namespace. */
    private static SocketChannel open(String node, String netns, IpAddress dst) {
        SocketChannel ch = NodeSockets.open(node, netns,
                () -> SocketChannel.open(dst.isV6() ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET));
        try {
            ch.configureBlocking(false);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new CouldNotRun(node + ": cannot use a socket in " + netns + ": " + message(e));
        }
        return ch;
    }

    private static Result connect(SocketChannel ch, IpAddress dst, int port, long endNanos) throws IOException, InterruptedException {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByAddress(dst.toBytes()), port);
        try {
            if (ch.connect(to)) return new Result(Connection.CONNECTED, "", 0, 0, "");
        } catch (IOException e) {
            return failed(e, true);
        }
        try (Selector sel = Selector.open()) {
            ch.register(sel, SelectionKey.OP_CONNECT);
            while (true) {
                long left = endNanos - System.nanoTime();
                if (left <= 0) return new Result(Connection.TIMEOUT, "no answer (timed out)", 28, 0, "");
                sel.select(Math.max(1, Math.min(SLICE_MILLIS, left / 1_000_000)));
                if (Thread.interrupted()) throw new InterruptedException();
                if (sel.selectedKeys().isEmpty()) continue;
                sel.selectedKeys().clear();
                try {
                    if (ch.finishConnect()) return new Result(Connection.CONNECTED, "", 0, 0, "");
                } catch (IOException e) {
                    return failed(e, false);
                }
            }
        }
    }

    /**
     * What became of a connection the kernel refused: at once ({@code immediate}, the route lookup; nothing was
     * sent) or on an answer (a reset, an ICMP error). The kernel's words are curl's, so the classes are the same.
     */
    static Result failed(IOException e, boolean immediate) {
        String why = message(e);
        String l = why.toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException || l.contains("refused")) return new Result(Connection.REFUSED, why, 7, 0, "");
        if (e instanceof NoRouteToHostException || l.contains("unreachable") || l.contains("no route") || l.contains("prohibited")) {
            return new Result(Connection.UNREACHABLE, why, 7, 0, "", immediate);
        }
        if (l.contains("timed out")) return new Result(Connection.TIMEOUT, "no answer (timed out)", 28, 0, "");
        return new Result(Connection.ERROR, why, 7, 0, "");
    }

    /** Sends the request and reads the answer until it is whole, the server closes, or the time is up. */
    private static HttpAnswer exchange(SocketChannel ch, byte[] request, long endNanos, Duration timeout) throws IOException, InterruptedException {
        ByteBuffer out = ByteBuffer.wrap(request);
        byte[] got = new byte[8192];
        int length = 0;
        try (Selector sel = Selector.open()) {
            SelectionKey key = ch.register(sel, SelectionKey.OP_WRITE);
            while (true) {
                long left = endNanos - System.nanoTime();
                if (left <= 0) {
                    return HttpAnswer.unfinished(got, length, "no complete answer within " + timeout.toMillis() + " ms (" + length + " bytes came)");
                }
                sel.select(Math.max(1, Math.min(SLICE_MILLIS, left / 1_000_000)));
                if (Thread.interrupted()) throw new InterruptedException();
                sel.selectedKeys().clear();
                try {
                    if (out.hasRemaining()) {
                        ch.write(out);
                        if (!out.hasRemaining()) key.interestOps(SelectionKey.OP_READ);
                        continue;
                    }
                    if (length == got.length) got = java.util.Arrays.copyOf(got, got.length * 2);
                    int n = ch.read(ByteBuffer.wrap(got, length, got.length - length));
                    if (n > 0) length += n;
                    // an answer larger than what is judged of it is read that far, not on and on
                    Optional<HttpAnswer> a = HttpAnswer.read(got, length, n < 0 || length >= HttpAnswer.MAX_BODY + 65536);
                    if (a.isPresent()) return a.get();
                } catch (IOException e) {
                    return HttpAnswer.unfinished(got, length, message(e));
                }
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was sent on it
        }
    }
}

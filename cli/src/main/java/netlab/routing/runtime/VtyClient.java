package netlab.routing.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Speaks an FRR daemon's vty protocol over its unix socket, as vtysh does: the command, a NUL byte; the daemon's
 * answer is its output followed by three NUL bytes and a status byte (0: done). Used to tell when a daemon has
 * really started: its event loop answers.
 */
public final class VtyClient {
    private VtyClient() {}

    /** The daemon's answer to one command. */
    public record Reply(int status, String output) {
        public boolean ok() {
            return status == 0;
        }
    }

    /** @throws IOException when nothing listens there, or the daemon hung up or did not answer in time */
    public static Reply ask(Path socket, String command, Duration timeout) throws IOException {
        if (command.indexOf('\0') >= 0 || command.indexOf('\n') >= 0) throw new IllegalArgumentException("one command, one line");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX); Selector selector = Selector.open()) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.configureBlocking(false);
            ByteBuffer out = ByteBuffer.wrap((command + "\0").getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) ch.write(out);
            ch.register(selector, SelectionKey.OP_READ);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new IOException("no answer from " + socket + " within " + timeout.toMillis() + " ms");
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                int n = ch.read(in);
                if (n < 0) throw new IOException(socket + " hung up before answering");
                answer.write(in.array(), 0, in.position());
                in.clear();
                byte[] a = answer.toByteArray();
                int end = a.length - 4;
                if (end >= 0 && a[end] == 0 && a[end + 1] == 0 && a[end + 2] == 0) {
                    return new Reply(a[end + 3] & 0xff, new String(a, 0, end, StandardCharsets.UTF_8));
                }
            }
        }
    }
}

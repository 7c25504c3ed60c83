package netlab.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import netlab.errors.NetlabException;
import netlab.process.Tools;

/** Renders DOT to SVG or PNG with Graphviz's {@code dot}, when it is installed. */
public final class Graphviz {
    private Graphviz() {}

    public static boolean installed() {
        return Tools.find("dot").isPresent();
    }

    public static byte[] render(String dot, String format) throws InterruptedException {
        if (!installed()) {
            throw NetlabException.environment("--format " + format + " needs Graphviz's 'dot', which is not installed"
                    + " (apt-get install graphviz); --format dot and --format mermaid need nothing");
        }
        Process p;
        try {
            p = command(format).start();
        } catch (IOException e) {
            throw NetlabException.environment("cannot run dot: " + e.getMessage());
        }
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // dot stopped reading; its exit code and message say why
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        if (code != 0) {
            throw NetlabException.failed("dot -T" + format + " failed: " + new String(err.join(), StandardCharsets.UTF_8).strip());
        }
        return out.join();
    }

    /**
     * {@code dot} with file loading off: Graphviz loads no image, shape file or font path named in the graph when its
     * environment has SERVER_NAME (its web-server mode) and no GV_FILE_PATH. The DOT netlab writes names no file, and
     * every string in it is escaped; this keeps a string that escaping missed from making dot read a file as root.
     */
    static ProcessBuilder command(String format) {
        ProcessBuilder pb = new ProcessBuilder(List.of("dot", "-T" + format));
        pb.environment().remove("GV_FILE_PATH");
        pb.environment().put("SERVER_NAME", "netlab");
        return pb;
    }

    private static CompletableFuture<byte[]> drain(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                s.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
    }
}

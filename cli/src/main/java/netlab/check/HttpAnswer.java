package netlab.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP/1.x answer read from the bytes that came so far: whether it is whole (by its Content-Length, its chunked
 * encoding, or the end of the connection), its status and body, or what is wrong with it, as curl would say it.
 *
 * @param complete the whole answer came (what curl's exit code 0 says)
 * @param problem  why it is not complete, when it is not (and no more can come)
 */
public record HttpAnswer(int status, String body, boolean complete, String problem) {
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})(?: .*)?$");
    /** The most of a body that is kept and judged. */
    static final int MAX_BODY = 4 << 20;

    /**
     * The answer in {@code data[0..length)}; empty while more is needed and may still come ({@code ended}: the server
     * closed the connection, nothing more will).
     */
    public static Optional<HttpAnswer> read(byte[] data, int length, boolean ended) {
        int start = 0;
        while (true) {
            int headEnd = indexOf(data, start, length, new byte[] {'\r', '\n', '\r', '\n'});
            if (headEnd < 0) {
                if (!ended) return Optional.empty();
                return Optional.of(broken(length == 0 ? "Empty reply from server" : "the answer ended within its headers"));
            }
            String head = new String(data, start, headEnd - start, StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n");
            Matcher m = STATUS_LINE.matcher(lines[0]);
            if (!m.matches()) return Optional.of(broken("not an HTTP answer: " + abbreviate(lines[0])));
            int status = Integer.parseInt(m.group(1));
            int bodyStart = headEnd + 4;
            if (status >= 100 && status < 200) { // an interim answer (100 Continue): the real one follows
                start = bodyStart;
                continue;
            }
            long contentLength = -1;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon < 0) continue;
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return Optional.of(broken("a Content-Length that is no number: " + abbreviate(value)));
                    }
                }
                if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) chunked = true;
            }
            if (status == 204 || status == 304) return Optional.of(new HttpAnswer(status, "", true, ""));
            if (chunked) return chunked(status, data, bodyStart, length, ended);
            if (contentLength >= 0) {
                // a body beyond MAX_BODY is judged by its first MAX_BODY bytes: the rest is not waited for
                if (length - bodyStart >= Math.min(contentLength, MAX_BODY)) return Optional.of(whole(status, data, bodyStart, (int) Math.min(contentLength, MAX_BODY)));
                if (!ended) return Optional.empty();
                return Optional.of(new HttpAnswer(status, text(data, bodyStart, length - bodyStart), false,
                        "the answer ended after " + (length - bodyStart) + " of " + contentLength + " bytes"));
            }
            if (!ended && length - bodyStart < MAX_BODY) return Optional.empty();
            return Optional.of(whole(status, data, bodyStart, Math.min(length - bodyStart, MAX_BODY)));
        }
    }

    private static Optional<HttpAnswer> chunked(int status, byte[] data, int pos, int length, boolean ended) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int lineEnd = indexOf(data, pos, length, new byte[] {'\r', '\n'});
            if (lineEnd < 0) break;
            String sizeText = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int semi = sizeText.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semi < 0 ? sizeText : sizeText.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                return Optional.of(broken("a chunk size that is no number: " + abbreviate(sizeText)));
            }
            int dataStart = lineEnd + 2;
            if (size == 0) {
                // the last chunk; trailers (if any) end with an empty line
                if (indexOf(data, lineEnd, length, new byte[] {'\r', '\n', '\r', '\n'}) >= 0) {
                    return Optional.of(new HttpAnswer(status, body.toString(StandardCharsets.UTF_8), true, ""));
                }
                break;
            }
            if (length - dataStart < size + 2) {
                if (body.size() + (length - dataStart) < MAX_BODY) break;
                body.write(data, dataStart, MAX_BODY - body.size());
                return Optional.of(new HttpAnswer(status, body.toString(StandardCharsets.UTF_8), true, ""));
            }
            body.write(data, dataStart, (int) Math.min(size, MAX_BODY - body.size()));
            if (body.size() >= MAX_BODY) return Optional.of(new HttpAnswer(status, body.toString(StandardCharsets.UTF_8), true, ""));
            pos = dataStart + (int) size + 2;
        }
        if (!ended) return Optional.empty();
        return Optional.of(new HttpAnswer(status, body.toString(StandardCharsets.UTF_8), false, "the answer ended within its chunks"));
    }

    /** The answer so far, when no more will come within the time allowed. */
    public static HttpAnswer unfinished(byte[] data, int length, String why) {
        Optional<HttpAnswer> a = read(data, length, true);
        HttpAnswer got = a.orElse(broken(why));
        return new HttpAnswer(got.status(), got.body(), false, why);
    }

    private static HttpAnswer whole(int status, byte[] data, int from, int n) {
        return new HttpAnswer(status, text(data, from, n), true, "");
    }

    private static HttpAnswer broken(String why) {
        return new HttpAnswer(0, "", false, why);
    }

    private static String text(byte[] data, int from, int n) {
        return new String(data, from, Math.max(0, n), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static int indexOf(byte[] data, int from, int to, byte[] what) {
        outer:
        for (int i = Math.max(0, from); i + what.length <= to; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}

package netlab.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import netlab.net.IpAddress;

/**
 * Where an {@code http://} URL with an address for its host points, and the request line and Host header curl
 * would send for it. A URL netlab does not fetch itself has none: {@code https://} (TLS), a host name (resolved by
 * the node's resolver), user information (an Authorization header): curl fetches those.
 *
 * @param requestTarget the path and query as written ("/" for none), what follows GET
 * @param host          the Host header: the URL's host and, when written, its port
 */
public record HttpTarget(IpAddress address, int port, String requestTarget, String host) {

    public static Optional<HttpTarget> of(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(u.getScheme()) || u.getRawUserInfo() != null || u.getHost() == null || u.getRawAuthority() == null) {
            return Optional.empty();
        }
        String h = u.getHost();
        Optional<IpAddress> a = IpAddress.parse(h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h);
        if (a.isEmpty()) return Optional.empty();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String target = path + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        int port = u.getPort() < 0 ? 80 : u.getPort();
        if (port > 65535) return Optional.empty();
        return Optional.of(new HttpTarget(a.get(), port, target, u.getRawAuthority()));
    }

    /**
     * Whether fetching {@code url}, as a topology writes it (placeholders such as {@code ${web}} stand for addresses),
     * takes curl: an {@code https://} URL, or one whose host is a name.
     */
    public static boolean needsCurl(String url) {
        return of(url.replaceAll("\\$\\{[^}]*\\}", "192.0.2.1")).isEmpty();
    }

    /** The request: HTTP/1.1, one connection that the server closes after its answer. */
    public byte[] request() {
        return ("GET " + requestTarget + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: netlab\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8); // as curl sends a path it was given
    }
}

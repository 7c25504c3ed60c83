package netlab.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.plan.Service;
import netlab.plan.ServiceFile;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code http: {port: 80, address: 203.0.113.10}}: busybox httpd. {@code GET /} answers, as plain text, with the
 * address and port the request came from as this server saw them ({@code client 203.0.113.1 port 40512}), which is
 * what proves NAT: behind a masquerade the server sees the router's public address, not the client's. Other paths
 * are served from its (otherwise empty) document root {@code www/}, so they answer 404; its log is beside that root,
 * never in it. It gives up root once its port is bound ({@code -u}): it and its CGI script run as nobody.
 *
 * <p>Why busybox: Debian's busybox-static is one static binary on every machine netlab supports, works in a bare
 * namespace with the host's file system, and its httpd runs CGI scripts with the client's address in REMOTE_ADDR.
 *
 * <p>{@code pages: {index.html: "<h1>shop</h1>", img/logo.svg: "..."}} puts files of the lab's own in the document
 * root (a lab's web site): a path is plain names under the root, never netlab's cgi-bin. With an index.html,
 * {@code GET /} answers with it instead of the client's address.
 *
 * @param address the address to listen on; every address of the node when empty
 * @param pages   path under the document root → content
 */
public record HttpService(int port, Optional<Located> address, Map<String, Located> pages, Pos pos) implements Service {
    /** Pages of one service, and the bytes of all of them: far above a teaching lab's site. */
    static final int PAGES_MAX = 1000;
    static final long PAGE_BYTES_MAX = 4L << 20;
    private static final java.util.regex.Pattern PAGE_PART = java.util.regex.Pattern.compile("[A-Za-z0-9_.+@%=,-]+");

    public HttpService {
        pages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
    }

    public HttpService(int port, Optional<Located> address, Pos pos) {
        this(port, address, Map.of(), pos);
    }

    public static final class Kind implements ServiceKind {
        @Override
        public String key() {
            return "http";
        }

        @Override
        public Set<String> fields() {
            return Set.of("port", "address", "pages");
        }

        @Override
        public Service parse(Fields f, String where) {
            int port = (int) f.integer("port", 80, 1, 65535);
            Optional<Located> address = f.string("address").map(a -> new Located(a.trim(), f.posOf("address")));
            Map<String, Located> pages = f.textMap("pages");
            long bytes = 0;
            for (Map.Entry<String, Located> e : pages.entrySet()) {
                pagePathProblem(e.getKey()).ifPresent(why -> f.diags().error(e.getValue().pos(), "page '" + netlab.source.Printable.name(e.getKey())
                        + "' of " + where + ": " + why));
                bytes += e.getValue().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
            if (pages.size() > PAGES_MAX) f.diags().error(f.posOf("pages"), where + " has " + pages.size() + " pages; at most " + PAGES_MAX);
            if (bytes > PAGE_BYTES_MAX) f.diags().error(f.posOf("pages"), "the pages of " + where + " hold " + bytes + " bytes; at most " + PAGE_BYTES_MAX);
            return new HttpService(port, address, pages, f.pos());
        }
    }

    /**
     * Why a page's path cannot be written under the document root, or empty: it must be plain names joined by '/'
     * (no '..', no absolute path, nothing a shell or a log line would read otherwise), outside netlab's cgi-bin.
     */
    static Optional<String> pagePathProblem(String path) {
        if (path.isEmpty() || path.startsWith("/")) return Optional.of("a page's path is relative to the document root");
        String[] parts = path.split("/", -1);
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return Optional.of("'.', '..' or an empty part in its path");
            if (!PAGE_PART.matcher(part).matches()) return Optional.of("a path of letters, digits and _.+@%=,- parts joined by '/'");
        }
        if (parts[0].equals("cgi-bin")) return Optional.of("cgi-bin is netlab's own");
        return Optional.empty();
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {
        address.ifPresent(a -> {
            Optional<IpAddress> ip = IpAddress.parse(a.text());
            String what = "'address' of the http service of node '" + node.name() + "'";
            if (ip.isEmpty()) {
                d.error(a.pos(), what + ": '" + a.text() + "' is not an IP address");
            } else if (node.interfaces().values().stream().noneMatch(i -> i.addresses().stream().anyMatch(c -> c.address().equals(ip.get())))) {
                d.error(a.pos(), what + ": " + a.text() + " is not an address of node '" + node.name() + "' (its addresses: " + addresses(node) + ")");
            }
        });
    }

    private static String addresses(ModelNode node) {
        List<String> all = new ArrayList<>();
        for (ModelInterface i : node.interfaces().values()) for (Cidr c : i.addresses()) all.add(c.address().toString());
        return all.isEmpty() ? "none" : String.join(", ", all);
    }

    @Override
    public List<ServiceFile> files(String node) {
        // busybox httpd runs /cgi-bin/index.cgi for a directory without index.html, so "GET /" lands here.
        // REMOTE_ADDR is "[::ffff:A.B.C.D]" when the server listens on every address (IPv4 mapped into IPv6).
        String script = "#!/bin/sh\n"
                + "# netlab http service of node " + node + ": answers with the address the request came from, as seen here\n"
                + "client=${REMOTE_ADDR#[}; client=${client%]}; client=${client#::ffff:}\n"
                + "printf 'Content-Type: text/plain\\r\\n\\r\\n'\n"
                + "printf 'netlab http server on %s\\nclient %s port %s\\n' '" + node + "' \"$client\" \"$REMOTE_PORT\"\n";
        List<ServiceFile> files = new ArrayList<>();
        files.add(new ServiceFile(ROOT + "/cgi-bin/index.cgi", script, true));
        for (Map.Entry<String, Located> p : pages.entrySet()) files.add(new ServiceFile(ROOT + "/" + p.getKey(), p.getValue().text(), false));
        return files;
    }

    /** The document root, inside the service's directory; the log is outside it. */
    static final String ROOT = "www";
    /** nobody:nogroup, by number: nothing to look up, the same on every machine. */
    static final String UNPRIVILEGED = "65534:65534";

    @Override
    public Optional<String> unprivilegedRoot() {
        return Optional.of(ROOT);
    }

    @Override
    public List<String> command(Path dir) {
        String bind = address.map(a -> (a.text().contains(":") ? "[" + a.text() + "]" : a.text()) + ":" + port).orElse(Integer.toString(port));
        return List.of("busybox", "httpd", "-f", "-v", "-u", UNPRIVILEGED, "-p", bind, "-h", dir.resolve(ROOT).toString());
    }
}

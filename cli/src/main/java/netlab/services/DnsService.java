package netlab.services;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.plan.Service;
import netlab.plan.ServiceFile;
import netlab.source.Diagnostics;
import netlab.source.Located;
import netlab.source.Pos;
import netlab.source.Printable;
import netlab.yaml.Fields;

/**
 * {@code dns: {records: {web.lab: 10.0.0.80, web6.lab: "2001:db8::80"}}}: an authoritative-only DNS server on port 53
 * of every address of the node (Debian's dnsmasq, as a plain program: no configuration file, no host's /etc/hosts,
 * no upstream servers from the host's /etc/resolv.conf), answering A, AAAA and the reverse PTR of each record and
 * refusing everything else. A name is a host name (letters, digits, '-', joined by '.'); an address is an IP address:
 * each becomes one {@code --host-record=NAME,ADDRESS} argument, never shell text.
 */
public record DnsService(Map<String, Located> records, Pos pos) implements Service {
    static final int PORT = 53;
    static final int RECORDS_MAX = 10_000;
    private static final Pattern NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public DnsService {
        records = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(records));
    }

    public static final class Kind implements ServiceKind {
        @Override
        public String key() {
            return "dns";
        }

        @Override
        public Set<String> fields() {
            return Set.of("records");
        }

        @Override
        public Service parse(Fields f, String where) {
            Map<String, Located> records = f.textMap("records");
            if (records.isEmpty()) f.diags().error(f.pos(), where + " needs 'records' (name: address)");
            if (records.size() > RECORDS_MAX) f.diags().error(f.posOf("records"), where + " has " + records.size() + " records; at most " + RECORDS_MAX);
            for (Map.Entry<String, Located> e : records.entrySet()) {
                if (!NAME.matcher(e.getKey()).matches()) {
                    f.diags().error(e.getValue().pos(), "record '" + Printable.name(e.getKey()) + "' of " + where
                            + ": a host name is letters, digits and '-' joined by '.'");
                }
                if (IpAddress.parse(e.getValue().text().trim()).isEmpty()) {
                    f.diags().error(e.getValue().pos(), "record '" + Printable.name(e.getKey()) + "' of " + where + ": '"
                            + Printable.name(e.getValue().text()) + "' is not an IP address");
                }
            }
            return new DnsService(records, f.pos());
        }
    }

    @Override
    public String kind() {
        return "dns";
    }

    @Override
    public int port() {
        return PORT;
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {}

    @Override
    public List<ServiceFile> files(String node) {
        return List.of();
    }

    @Override
    public List<String> command(Path dir) {
        List<String> argv = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-hosts", "--no-resolv",
                "--no-poll", "--pid-file=" + dir.resolve("dnsmasq.pid"), "--log-facility=-", "--port=" + PORT));
        for (Map.Entry<String, Located> e : records.entrySet()) {
            // its own names: a type without a record is an empty answer (NODATA), not REFUSED for want of an upstream
            argv.add("--local=/" + e.getKey() + "/");
            argv.add("--host-record=" + e.getKey() + "," + IpAddress.parse(e.getValue().text().trim()).map(IpAddress::toString).orElseThrow());
        }
        return argv;
    }
}

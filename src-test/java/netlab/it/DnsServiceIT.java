package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/**
 * The dns service for real (issue 20, gap 2): a client resolves the server's records, A and AAAA, and an unknown
 * name does not resolve; without the service the same resolution fails (the check proves the server, not the
 * client); down leaves no dnsmasq of the lab behind.
 */
@NeedsRoot
class DnsServiceIT extends LabTest {
    static final String LAB = """
            name: LAB
            switches:
              lan: {subnet: 10.0.0.0/24}
            nodes:
              ns:
                interfaces: {eth1: {addresses: [10.0.0.53/24]}}
                services: [{dns: {records: {web.lab: 10.0.0.80, web6.lab: "2001:db8::80"}}}]
              h1: {interfaces: {eth1: {addresses: [10.0.0.1/24]}}}
            links: [[ns:eth1, lan], [h1:eth1, lan]]
            checks:
              - name: h1 resolves web.lab
                exec: {node: h1, command: "busybox nslookup web.lab 10.0.0.53", output: "Address: 10.0.0.80"}
              - name: h1 resolves web6.lab's AAAA
                exec: {node: h1, command: "busybox nslookup -type=aaaa web6.lab 10.0.0.53", output: "2001:db8::80"}
              - name: an unknown name does not resolve
                exec: {node: h1, command: "busybox nslookup nothere.lab 10.0.0.53", exit: 1}
            """;

    private Path topology(String text, String lab) throws IOException {
        Path p = work.resolve(lab + ".yaml");
        Files.writeString(p, text.replace("LAB", lab));
        return p;
    }

    @Test
    void aClientResolvesTheRecordsAndNothingElse() throws IOException {
        String lab = lab("dns");
        Cli.Result r = cli().run("test", topology(LAB, lab).toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("3 checks: 3 passed");
        assertThat(Shell.run("sh", "-c", "pgrep -a dnsmasq || true")).doesNotContain(lab);
    }

    @Test
    void withoutTheServiceTheNamesDoNotResolve() throws IOException {
        String lab = lab("nodns");
        String without = LAB.replace("    services: [{dns: {records: {web.lab: 10.0.0.80, web6.lab: \"2001:db8::80\"}}}]\n", "");
        Cli.Result r = cli().run("test", topology(without, lab).toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  h1 resolves web.lab").contains("FAIL  h1 resolves web6.lab's AAAA");
    }
}

package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Cli;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tcp and http checks over IPv6, against netlab's own services on a dual-stack lab: they pass, the server sees
 * the client's IPv6 address, and with IPv6 (only) dropped at the server they fail while the same check over IPv4
 * still passes, so the probes really went over IPv6.
 */
@NeedsRoot
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ipv6ServicesIT {
    static final String TOPOLOGY = """
            name: six
            switches:
              lan: {}
            nodes:
              h1:
                interfaces:
                  eth1: {addresses: [10.6.0.1/24, "2001:db8:6::1/64"]}
              web:
                interfaces:
                  eth1: {addresses: [10.6.0.2/24, "2001:db8:6::2/64"]}
                services:
                  - http
                  - tcp: {port: 7000}
            links: [[h1:eth1, lan], [web:eth1, lan]]
            checks:
              - name: tcp over ipv6
                tcp: {from: h1, to: web, port: 7000, ipv6: true}
              - name: tcp over ipv4
                tcp: {from: h1, to: web, port: 7000}
              - name: http over ipv6
                http: {from: h1, url: "http://[${web.ip6}]/", server_sees: h1}
            """;

    @TempDir
    static Path stateDir;
    @TempDir
    static Path work;
    Cli cli;
    String lab;

    @BeforeAll
    void up() throws Exception {
        cli = Cli.withStateDir(stateDir);
        lab = "capv6-" + ProcessHandle.current().pid() + "-six";
        Path file = work.resolve("six.yaml");
        Files.writeString(file, TOPOLOGY);
        Cli.Result r = cli.run("up", "--name", lab, file.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @AfterAll
    void down() {
        if (lab == null) return;
        cli.run("down", lab);
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    private Cli.Result check(String name) {
        return cli.run("check", lab, "-c", name);
    }

    @Test
    void tcpAndHttpReachTheServicesOverIpv6AndFailWhenOnlyIpv6IsDropped() {
        Cli.Result tcp6 = check("tcp over ipv6");
        assertThat(tcp6.exitCode()).as(tcp6.toString()).isZero();
        assertThat(tcp6.out()).contains("port 7000 of 2001:db8:6::2 from h1 is open");
        Cli.Result http6 = check("http over ipv6");
        assertThat(http6.exitCode()).as(http6.toString()).isZero();
        assertThat(http6.out()).contains("the server saw 2001:db8:6::1");

        String ns = "netlab." + lab + ".web";
        assertThat(Shell.exitCode("ip", "netns", "exec", ns, "ip6tables", "-I", "INPUT", "-p", "tcp", "-j", "DROP")).isZero();
        try {
            Cli.Result tcp6Dropped = check("tcp over ipv6");
            assertThat(tcp6Dropped.exitCode()).as(tcp6Dropped.toString()).isEqualTo(1);
            assertThat(tcp6Dropped.out()).contains("is filtered");
            assertThat(check("http over ipv6").exitCode()).isEqualTo(1);
            Cli.Result tcp4 = check("tcp over ipv4");
            assertThat(tcp4.exitCode()).as(tcp4.toString()).isZero();
            assertThat(tcp4.out()).contains("port 7000 of 10.6.0.2 from h1 is open");
        } finally {
            Shell.exitCode("ip", "netns", "exec", ns, "ip6tables", "-D", "INPUT", "-p", "tcp", "-j", "DROP");
        }
    }
}

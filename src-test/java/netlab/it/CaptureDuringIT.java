package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.CheckRun;
import netlab.testing.LabTest;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/**
 * A capture proves something only when tcpdump listened with its filter and the traffic it watches for was sent: a
 * filter that does not compile, an interface that is gone, or a 'during' action that could not send (no route, no
 * carrier, its node gone) is a capture that could not run, never a pass, with or without expect: failure. On a hub,
 * which floods, "h3 does not see h1's unicast to h2" must fail; once h1 cannot send it used to pass.
 */
@NeedsRoot
class CaptureDuringIT extends LabTest {
    static final String UNSEEN = "h3 does not see h1's unicast to h2";
    static final String ARP = "h1's ARP for nobody reaches h3";

    private String hub(String hint) throws IOException {
        String lab = lab(hint);
        Path t = work.resolve(hint + ".yaml");
        Files.writeString(t, """
                name: hub
                switches: {hub1: {subnet: 10.0.0.0/24, hub: true}}
                nodes: {h1: {}, h2: {}, h3: {}}
                links: [[h1:eth1, hub1], [h2:eth1, hub1], [h3:eth1, hub1]]
                checks:
                  - name: %s
                    capture:
                      on: h3:eth1
                      filter: icmp and src host ${h1} and dst host ${h2}
                      during: {ping: {from: h1, to: h2, count: 3}}
                    expect: failure
                  - name: impossible filter
                    capture: {on: h3:eth1, filter: "hots 10.0.0.1", during: {ping: {from: h1, to: h2}}}
                  - name: impossible filter, expected to fail
                    capture: {on: h3:eth1, filter: "hots 10.0.0.1", during: {ping: {from: h1, to: h2}}}
                    expect: failure
                  - name: %s
                    capture: {on: h3:eth1, filter: "arp and ether src ${h1:eth1.mac}", during: {ping: {from: h1, to: 10.0.0.99}}}
                  - name: h1's ARP for nobody does not reach h3
                    capture: {on: h3:eth1, filter: "arp and ether src ${h1:eth1.mac}", during: {ping: {from: h1, to: 10.0.0.99}}}
                    expect: failure
                """.formatted(UNSEEN, ARP));
        ok(cli().run("up", "--name", lab, t.toString()));
        return lab;
    }

    private CheckRun check(String lab, String... names) {
        String[] args = new String[3 + 2 * names.length];
        args[0] = "check";
        args[1] = lab;
        args[2] = "--json";
        for (int i = 0; i < names.length; i++) {
            args[3 + 2 * i] = "-c";
            args[4 + 2 * i] = names[i];
        }
        return CheckRun.of(cli().run(args));
    }

    @Test
    void aFilterThatDoesNotCompileNeverPasses() throws IOException {
        String lab = hub("badfilter");
        CheckRun r = check(lab, "impossible filter", "impossible filter, expected to fail");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.outcome("impossible filter, expected to fail")).isEqualTo("error");
        assertThat(r.outcome("impossible filter")).isEqualTo("error");
        assertThat(r.detail("impossible filter, expected to fail")).startsWith("could not run: tcpdump did not start on h3:eth1")
                .contains("can't parse filter expression");
    }

    @Test
    void theHubFloodsSoTheNegativeCaptureFailsAndAnActionWithoutAnswerStillSends() throws IOException {
        String lab = hub("floods");
        CheckRun r = check(lab, UNSEEN, ARP, "h1's ARP for nobody does not reach h3");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.outcome(UNSEEN)).isEqualTo("failed");
        // the ping to 10.0.0.99 gets no answer, but its ARP requests went out: a capture may watch them
        assertThat(r.outcome(ARP)).isEqualTo("passed");
        assertThat(r.outcome("h1's ARP for nobody does not reach h3")).isEqualTo("failed");
    }

    @Test
    void withTheSendersInterfaceDownTheCaptureCouldNotRun() throws IOException {
        String lab = hub("ifdown");
        assertThat(Shell.exitCode("ip", "-n", "netlab." + lab + ".h1", "link", "set", "eth1", "down")).isZero();
        CheckRun r = check(lab, UNSEEN);
        assertThat(r.exitCode()).as("it passed (exit 0) when the during ping could not even be sent").isEqualTo(5);
        assertThat(r.outcome(UNSEEN)).isEqualTo("error");
        assertThat(r.detail(UNSEEN)).contains("its 'during' action (ping h1 -> h2) did not do its job: it sent nothing: no route to 10.0.0.2");
    }

    @Test
    void withTheSendersCableUnpluggedAtTheHubTheCaptureCouldNotRun() throws IOException {
        String lab = hub("unplug");
        assertThat(Shell.exitCode("ip", "-n", "netlab." + lab, "link", "set", "h1-eth1", "down")).isZero();
        CheckRun r = check(lab, UNSEEN, ARP);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.outcome(UNSEEN)).isEqualTo("error");
        assertThat(r.detail(UNSEEN)).contains("nothing could leave: h1:eth1, its way to 10.0.0.2, has no carrier");
        assertThat(r.outcome(ARP)).isEqualTo("error");
    }

    @Test
    void withTheSendersNamespaceGoneTheCaptureCouldNotRun() throws IOException {
        String lab = hub("nsgone");
        assertThat(Shell.exitCode("ip", "netns", "del", "netlab." + lab + ".h1")).isZero();
        CheckRun r = check(lab, UNSEEN);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.outcome(UNSEEN)).isEqualTo("error");
    }

    @Test
    void withTheCapturingInterfaceGoneTheCaptureCouldNotRun() throws IOException {
        String lab = hub("oniface");
        assertThat(Shell.exitCode("ip", "-n", "netlab." + lab + ".h3", "link", "del", "eth1")).isZero();
        CheckRun r = check(lab, UNSEEN, ARP);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.outcomes()).containsEntry(UNSEEN, "error").containsEntry(ARP, "error");
        assertThat(r.detail(UNSEEN)).contains("tcpdump did not start on h3:eth1");
    }
}

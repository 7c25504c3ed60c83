package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import netlab.doctor.Feature;
import netlab.doctor.FeatureProbe;
import netlab.process.ProcessRunner;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code netlab link set/clear/show} on a running lab, on this host's kernel: rate limits (tbf) work everywhere;
 * delay and loss need netem, which up and link set refuse cleanly where it is missing. A declared impairment is
 * really on both ends of its link, and a converging up puts it back after a runtime clear.
 */
@NeedsRoot
class LinkCommandIT {
    @TempDir
    Path stateDir;

    @TempDir
    Path dir;

    @Test
    void setShowAndClearImpairmentsOfARunningLab() throws Exception {
        Path file = dir.resolve("linkcmd.yaml");
        Files.writeString(file, """
                name: linkcmd
                switches:
                  sw1: {subnet: 10.0.0.0/24}
                nodes:
                  h1: {}
                  h2: {}
                links:
                  - [h1:eth1, sw1]
                  - {endpoints: [h2:eth1, sw1], impairment: {rate: 2mbit}}
                """);
        Cli cli = Cli.withStateDir(stateDir);
        String lab = Labs.uniqueName("linkcmd");
        String h1 = "netlab." + lab + ".h1", h2 = "netlab." + lab + ".h2", fabric = "netlab." + lab;
        try {
            assertThat(cli.run("up", "--name", lab, file.toString()).exitCode()).isZero();
            // declared on the link: both directions, the node's interface and its switch port
            assertThat(qdisc(h2, "eth1")).contains("tbf").contains("rate 2Mbit");
            assertThat(qdisc(fabric, "h2-eth1")).contains("tbf").contains("rate 2Mbit");
            Cli.Result show = cli.run("link", "show", lab);
            assertThat(show.out()).contains("h2:eth1").contains("switch sw1 port h2-eth1 (to h2:eth1)").contains("tbf rate 2Mbit");

            Cli.Result set = cli.run("link", "set", lab, "h1:eth1", "rate", "1mbit");
            assertThat(set.exitCode()).as(set.toString()).isZero();
            assertThat(set.out()).contains("h1:eth1: rate 1mbit").contains("port h1-eth1 of switch sw1: rate 1mbit");
            assertThat(qdisc(h1, "eth1")).contains("tbf").contains("rate 1Mbit");
            assertThat(qdisc(fabric, "h1-eth1")).contains("tbf").contains("rate 1Mbit");

            Cli.Result oneWay = cli.run("link", "clear", "--lab", lab, "--one-way", "h1:eth1");
            assertThat(oneWay.out()).isEqualToIgnoringNewLines("h1:eth1: impairment removed");
            assertThat(qdisc(h1, "eth1")).doesNotContain("tbf");
            assertThat(qdisc(fabric, "h1-eth1")).contains("tbf");
            Cli.Result clear = cli.run("link", "clear", lab, "h1:eth1");
            assertThat(clear.out()).contains("h1:eth1: had none").contains("port h1-eth1 of switch sw1: impairment removed");
            assertThat(qdisc(fabric, "h1-eth1")).doesNotContain("tbf");

            Cli.Result noIface = cli.run("link", "set", lab, "h1:eth9", "rate", "1mbit");
            assertThat(noIface.exitCode()).isEqualTo(2);
            assertThat(noIface.err()).contains("node 'h1' has no interface 'eth9' (did you mean 'eth1'?)");
            Cli.Result typo = cli.run("link", "set", lab, "h1:eth1", "dealy", "5ms");
            assertThat(typo.exitCode()).isEqualTo(2);
            assertThat(typo.err()).contains("unknown setting 'dealy' (did you mean 'delay'?)");

            boolean netem = new FeatureProbe(new ProcessRunner()).probe(EnumSet.of(Feature.NETEM)).get(Feature.NETEM).available();
            Cli.Result delay = cli.run("link", "set", lab, "h1:eth1", "delay", "10ms");
            if (netem) {
                assertThat(delay.exitCode()).as(delay.toString()).isZero();
                assertThat(qdisc(h1, "eth1")).contains("netem").contains("delay 10");
            } else {
                assertThat(delay.exitCode()).as(delay.toString()).isEqualTo(3);
                assertThat(delay.err().strip()).startsWith("netlab: this machine lacks netem delay/loss").contains("to get it:")
                        .doesNotContain("\n");
                assertThat(qdisc(h1, "eth1")).doesNotContain("netem");
            }

            // a runtime clear lasts until the lab is converged: up puts the declared impairment back
            cli.run("link", "clear", lab, "h2:eth1");
            assertThat(qdisc(h2, "eth1")).doesNotContain("tbf");
            assertThat(cli.run("up", "--name", lab, file.toString()).exitCode()).isZero();
            assertThat(qdisc(h2, "eth1")).contains("tbf").contains("rate 2Mbit");
        } finally {
            assertThat(cli.run("down", lab).exitCode()).isZero();
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }

    private static String qdisc(String netns, String dev) {
        return Shell.run("tc", "-n", netns, "qdisc", "show", "dev", dev);
    }
}

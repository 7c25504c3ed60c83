package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.capture.PcapngFile;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * netlab capture on the router lab, run as users run it (a separate process): real pings between h1 and h2 are
 * captured on h1:eth1 and r1:eth2, merged into one pcapng (read back by the tests' strict reader and by tcpdump
 * itself), to a file and to standard output; Ctrl-C keeps what was written; hostile or unknown names start nothing.
 */
@NeedsRoot
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureIT {
    @TempDir
    static Path stateDir;
    @TempDir
    static Path work;
    Cli cli;
    String lab;

    @BeforeAll
    void up() {
        cli = Cli.withStateDir(stateDir);
        lab = "capv6-" + ProcessHandle.current().pid();
        Cli.Result r = cli.run("up", "--name", lab, Labs.topology("router.yaml").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @AfterAll
    void down() {
        if (lab == null) return;
        cli.run("down", lab);
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    private Process capture(Path out, Path err, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("--state-dir", stateDir.toString(), "capture", "-l", lab));
        all.addAll(List.of(args));
        Process p = NetlabProcess.start(out, err, all.toArray(String[]::new));
        assertThat(NetlabProcess.awaitText(p, err, "capturing on", 30_000)).as(Files.exists(err) ? Files.readString(err) : "no stderr").isTrue();
        return p;
    }

    private void ping(int count) {
        Cli.Result r = Shell.result(java.util.Map.of(), "ip", "netns", "exec", "netlab." + lab + ".h1", "ping", "-c", Integer.toString(count), "-i", "0.2", "-W", "2", "10.1.2.1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    private static List<PcapngFile.Packet> icmp(PcapngFile f, int iface) {
        return f.packets().stream().filter(p -> p.iface() == iface && p.data().length > 34 && p.data()[12] == 8 && p.data()[13] == 0 && p.data()[23] == 1).toList();
    }

    @Test
    void pingsOnTwoInterfacesAreMergedInTimeOrderIntoAPcapngNamedAfterTheLab() throws Exception {
        Path file = work.resolve("two.pcapng"), out = work.resolve("two.out"), err = work.resolve("two.err");
        Process p = capture(out, err, "h1:eth1", "r1:eth2", "-w", file.toString(), "-f", "icmp", "-c", "8");
        ping(2);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).contains("8 packets written to " + file + " (the count was reached)");

        PcapngFile f = PcapngFile.read(file);
        assertThat(f.interfaces()).extracting(PcapngFile.Iface::name).containsExactly("h1:eth1", "r1:eth2");
        assertThat(f.interfaces().get(1).description()).isEqualTo("interface eth2 of node r1 in lab " + lab);
        assertThat(f.packets()).hasSize(8);
        assertThat(icmp(f, 0)).hasSize(4);
        assertThat(icmp(f, 1)).hasSize(4);
        for (int i = 1; i < f.packets().size(); i++) assertThat(f.packets().get(i).nanos()).isGreaterThanOrEqualTo(f.packets().get(i - 1).nanos());
        // the first request: seen on h1:eth1 with ttl 64, then on r1:eth2 routed (ttl 63)
        assertThat(f.packets().get(0).iface()).isZero();
        assertThat(f.packets().get(0).data()[22] & 0xff).isEqualTo(64);
        assertThat(f.packets().get(1).iface()).isEqualTo(1);
        assertThat(f.packets().get(1).data()[22] & 0xff).isEqualTo(63);
        // tcpdump reads the file too
        String read = Shell.stdout("tcpdump", "-r", file.toString(), "-n");
        assertThat(read.lines().filter(l -> l.contains("10.1.1.1 > 10.1.2.1: ICMP echo request, id"))).hasSize(4);
        assertThat(read.lines().filter(l -> l.contains("10.1.2.1 > 10.1.1.1: ICMP echo reply, id"))).hasSize(4);
    }

    @Test
    void ctrlCEndsTheCaptureAndKeepsAValidFileWithWhatWasCaptured() throws Exception {
        Path file = work.resolve("int.pcapng"), out = work.resolve("int.out"), err = work.resolve("int.err");
        Process p = capture(out, err, "h1:eth1", "r1:eth2", "-w", file.toString(), "-f", "icmp");
        List<ProcessHandle> tcpdumps = p.descendants().toList();
        assertThat(tcpdumps).hasSize(2);
        ping(3);
        NetlabProcess.signal(p, interruptSignal());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(Files.readString(err)).contains("12 packets written to " + file + " (interrupted)");
        PcapngFile f = PcapngFile.read(file);
        assertThat(icmp(f, 0)).hasSize(6);
        assertThat(icmp(f, 1)).hasSize(6);
        assertThat(tcpdumps).noneMatch(ProcessHandle::isAlive);
    }

    /**
     * Ctrl-C's SIGINT, unless this test runs with SIGINT ignored (started in the background by a shell without job
     * control): then netlab inherits that and keeps ignoring it, so SIGTERM, which netlab handles the same way.
     */
    private static String interruptSignal() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2) != 0 ? "TERM" : "INT";
        }
        return "INT";
    }

    @Test
    void toStandardOutputForWireshark() throws Exception {
        Path out = work.resolve("std.pcapng"), err = work.resolve("std.err");
        Process p = capture(out, err, "r1:eth1", "-w", "-", "-f", "icmp", "-c", "2");
        ping(1);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        PcapngFile f = PcapngFile.read(out);
        assertThat(f.interfaces()).extracting(PcapngFile.Iface::name).containsExactly("r1:eth1");
        assertThat(icmp(f, 0)).hasSize(2);
    }

    @Test
    void withoutAFileALinePerPacketNamesWhereItWasSeen() throws Exception {
        Path out = work.resolve("lines.out"), err = work.resolve("lines.err");
        Process p = capture(out, err, "h1:eth1", "r1:eth2", "-f", "icmp", "-c", "4");
        ping(1);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains(" h1:eth1 10.1.1.1 > 10.1.2.1: ICMP echo request id ", "ttl 64, 98 bytes");
        assertThat(lines.get(1)).contains(" r1:eth2 10.1.1.1 > 10.1.2.1: ICMP echo request id ", "ttl 63, 98 bytes");
        assertThat(lines.get(2)).contains(" r1:eth2 10.1.2.1 > 10.1.1.1: ICMP echo reply");
        assertThat(lines.get(3)).contains(" h1:eth1 10.1.2.1 > 10.1.1.1: ICMP echo reply");
    }

    @Test
    void hostileOrUnknownNamesAndOptionLikeFiltersStartNothing() {
        for (String[] args : List.of(new String[] {"h1:eth1;id"}, new String[] {"../x:eth1"}, new String[] {"h1:-i"}, new String[] {"h9:eth1"},
                new String[] {"h1:eth9"}, new String[] {"h1"}, new String[] {"h1:eth1", "--filter=-w/tmp/x"}, new String[] {"h1:eth1", "h1:eth1"})) {
            List<String> all = new java.util.ArrayList<>(List.of("capture", "-l", lab));
            all.addAll(List.of(args));
            Cli.Result r = cli.run(all.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r).isEqualTo(2);
            assertThat(r.err()).doesNotContain("capturing on");
        }
    }
}

package netlab.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.process.ProcessRunner;
import netlab.routing.config.FrrConfigText;
import netlab.routing.config.FrrDaemon;
import netlab.routing.runtime.FrrInstall;
import netlab.routing.runtime.FrrLauncher;
import netlab.routing.runtime.FrrLayout;
import netlab.routing.runtime.FrrProcess;
import netlab.routing.runtime.FrrRuntime;
import netlab.routing.runtime.FrrView;
import netlab.routing.runtime.FrrWorkDir;
import netlab.routing.runtime.VtyClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FRR's runtime without root: its command lines, its directory, the vty protocol, and stopping only what it started. */
class FrrRuntimeTest {
    @TempDir
    Path tmp;

    private final FrrRuntime runtime = new FrrRuntime(FrrInstall.DEBIAN, FrrLauncher.PROCESS, new ProcessRunner());

    private FrrRuntime.Start start(Set<FrrDaemon> daemons) {
        FrrLayout layout = FrrLayout.of(Path.of("/run/netlab/labs/lab1/work/routing/r1"), "lab1", "r1");
        return new FrrRuntime.Start("r1", "netlab.lab1.r1", layout, new FrrConfigText("r1", "frr defaults traditional\n", 0, Optional.empty()),
                daemons);
    }

    @Test
    void everyProgramRunsInTheNodesNamespaceWithTheNodesDirectoryAsItsRun() {
        List<List<String>> commands = runtime.commands(start(Set.of(FrrDaemon.OSPFD, FrrDaemon.ZEBRA, FrrDaemon.STATICD)));
        String view = "unshare --mount --propagation private -- sh -c "
                + "case \"$1\" in /run/*) mount -n --bind -- \"$2\" /var/tmp && mount -n --bind -- \"$1\" /run ;; *) mount -n --bind -- \"$1\" /run && mount -n --bind -- \"$2\" /var/tmp ;; esac && shift 2 && exec \"$@\" "
                + "netlab-frr /run/netlab/labs/lab1/work/routing/r1 /run/netlab/labs/lab1/work/routing/r1/tmp ";
        assertThat(commands).extracting(c -> String.join(" ", c)).containsExactly(
                "ip netns exec netlab.lab1.r1 setsid " + view
                        + "/usr/lib/frr/zebra -N lab1-r1 -f /dev/null -i /run/zebra.pid --vty_socket /run -P 0 -u frr -g frr --log stdout",
                "ip netns exec netlab.lab1.r1 setsid " + view
                        + "/usr/lib/frr/staticd -N lab1-r1 -f /dev/null -i /run/staticd.pid --vty_socket /run -P 0 -u frr -g frr --log stdout",
                "ip netns exec netlab.lab1.r1 setsid " + view
                        + "/usr/lib/frr/ospfd -N lab1-r1 -f /dev/null -i /run/ospfd.pid --vty_socket /run -P 0 -u frr -g frr --log stdout",
                "ip netns exec netlab.lab1.r1 " + view + "/usr/bin/vtysh --config_dir /run --vty_socket /run -b");
    }

    @Test
    void theShellScriptIsConstantWhateverTheDirectory() {
        FrrLayout odd = new FrrLayout(Path.of("/tmp/a dir/$(reboot)/`x`;y"), "lab1-r1");
        List<String> argv = FrrView.argv("netlab.lab1.r1", odd, false, List.of("/usr/bin/vtysh"));
        int script = argv.indexOf("-c") + 1;
        assertThat(argv.get(script)).isEqualTo("case \"$1\" in /run/*) mount -n --bind -- \"$2\" /var/tmp && mount -n --bind -- \"$1\" /run ;; *) mount -n --bind -- \"$1\" /run && mount -n --bind -- \"$2\" /var/tmp ;; esac && shift 2 && exec \"$@\"");
        assertThat(argv.subList(script + 1, argv.size())).containsExactly("netlab-frr", "/tmp/a dir/$(reboot)/`x`;y",
                "/tmp/a dir/$(reboot)/`x`;y/tmp", "/usr/bin/vtysh");
        assertThatThrownBy(() -> FrrView.argv("-n", odd, false, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrrView.argv("a b", odd, false, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void layout() {
        FrrLayout l = FrrLayout.of(Path.of("/w/routing/r1"), "lab", "r1");
        assertThat(l.pathspace()).isEqualTo("lab-r1");
        assertThat(l.config()).isEqualTo(Path.of("/w/routing/r1/frr.conf"));
        assertThat(l.pidFile(FrrDaemon.BGPD)).isEqualTo(Path.of("/w/routing/r1/bgpd.pid"));
        assertThat(l.vtySocket(FrrDaemon.OSPFD)).isEqualTo(Path.of("/w/routing/r1/ospfd.vty"));
        assertThat(l.log(FrrDaemon.ZEBRA)).isEqualTo(Path.of("/w/routing/r1/zebra.log"));
        assertThat(l.zservSocket()).isEqualTo(Path.of("/w/routing/r1/frr/lab-r1/zserv.api"));
        assertThat(l.tmp()).isEqualTo(Path.of("/w/routing/r1/tmp"));
        String longest = "a".repeat(40) + "-" + "b".repeat(40);
        assertThat(new FrrLayout(Path.of("/w"), longest).pathspace()).hasSize(81);
        assertThat(("/run/frr/" + longest + "/zserv.api").length()).as("FRR's socket path with the longest -N fits sun_path").isLessThan(108);
        assertThat(FrrLayout.vtyOfProcess(4_194_304, FrrDaemon.STATICD).toString()).isEqualTo("/proc/4194304/root/run/staticd.vty");
        for (String bad : List.of("a.b", "a/b", "", "-a", "a b", longest + "c")) {
            assertThatThrownBy(() -> new FrrLayout(Path.of("/w"), bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new FrrLayout(Path.of("w"), "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDirectoryIsMadePrivateAndHandedToFrr() throws IOException {
        FrrLayout l = FrrLayout.of(tmp.resolve("work/routing/r1"), "lab", "r1");
        Files.createDirectories(l.dir());
        Files.writeString(l.pidFile(FrrDaemon.ZEBRA), "123\n");
        Files.writeString(l.vtySocket(FrrDaemon.OSPFD), "");
        List<Path> given = new ArrayList<>();
        FrrWorkDir.prepare(l, "frr defaults traditional\n", given::add);
        assertThat(Files.readString(l.config())).isEqualTo("frr defaults traditional\n");
        assertThat(Files.readString(l.vtyshConfig())).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.tmp()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(l.config()))).isEqualTo("rw-r-----");
        assertThat(given).containsExactlyInAnyOrder(l.dir(), l.tmp(), l.frrRunDir(), l.config(), l.vtyshConfig());
        assertThat(l.pidFile(FrrDaemon.ZEBRA)).as("a previous run's pid file").doesNotExist();
        assertThat(l.vtySocket(FrrDaemon.OSPFD)).doesNotExist();

        Path link = tmp.resolve("work/routing/r2");
        Files.createSymbolicLink(link, tmp);
        assertThatThrownBy(() -> FrrWorkDir.prepare(new FrrLayout(link, "lab-r2"), "", given::add))
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void theVtyProtocol() throws Exception {
        Path socket = tmp.resolve("zebra.vty");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread daemon = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        try (SocketChannel c = server.accept()) {
                            String command = readCommand(c);
                            if (command.equals("show version")) c.write(ByteBuffer.wrap("FRRouting 8.4.4\n\0\0\0\0".getBytes(StandardCharsets.UTF_8)));
                            else if (command.equals("show nonsense")) c.write(ByteBuffer.wrap("% Unknown command\n\0\0\0\2".getBytes(StandardCharsets.UTF_8)));
                            else Thread.sleep(2000); // a daemon that does not answer
                        }
                    }
                } catch (Exception e) {
                    // the test ended
                }
            });
            daemon.setDaemon(true);
            daemon.start();
            VtyClient.Reply ok = VtyClient.ask(socket, "show version", Duration.ofSeconds(5));
            assertThat(ok.ok()).isTrue();
            assertThat(ok.output()).isEqualTo("FRRouting 8.4.4\n");
            VtyClient.Reply refused = VtyClient.ask(socket, "show nonsense", Duration.ofSeconds(5));
            assertThat(refused.status()).isEqualTo(2);
            assertThatThrownBy(() -> VtyClient.ask(socket, "show silence", Duration.ofMillis(200))).isInstanceOf(IOException.class)
                    .hasMessageContaining("no answer");
        }
        assertThatThrownBy(() -> VtyClient.ask(tmp.resolve("nothing.vty"), "show version", Duration.ofSeconds(1))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> VtyClient.ask(socket, "show version\nconfigure", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String readCommand(SocketChannel c) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        StringBuilder sb = new StringBuilder();
        while (true) {
            b.clear();
            if (c.read(b) < 0) return sb.toString();
            for (int i = 0; i < b.position(); i++) {
                if (b.get(i) == 0) return sb.toString();
                sb.append((char) b.get(i));
            }
        }
    }

    @Test
    void stopSignalsOnlyTheRecordedProcessesWhoseStartTimeMatches() throws Exception {
        FrrLayout l = FrrLayout.of(tmp.resolve("r1"), "lab", "r1");
        Files.createDirectories(l.frrRunDir().resolve("lab-r1"));
        Files.writeString(l.pidFile(FrrDaemon.ZEBRA), "1\n");
        Files.writeString(l.vtySocket(FrrDaemon.ZEBRA), "");
        Files.writeString(l.zservSocket(), "");
        Process zebra = new ProcessBuilder("sleep", "60").start();
        Process ospfd = new ProcessBuilder("sleep", "60").start();
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            long since = zebra.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            long ospfdSince = ospfd.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            long strangerSince = stranger.toHandle().info().startInstant().orElseThrow().toEpochMilli();
            List<FrrProcess> records = List.of(
                    new FrrProcess(zebra.pid(), since, "r1", FrrDaemon.ZEBRA),
                    new FrrProcess(ospfd.pid(), ospfdSince, "r1", FrrDaemon.OSPFD),
                    new FrrProcess(stranger.pid(), strangerSince - 1000, "r1", FrrDaemon.BGPD),
                    new FrrProcess(999_999_999L, 1, "r1", FrrDaemon.STATICD));
            assertThat(runtime.running(records)).as("what still runs of the records").containsExactly(records.get(0), records.get(1));
            int stopped = runtime.stop(l, List.of(
                    new FrrProcess(zebra.pid(), since, "r1", FrrDaemon.ZEBRA),
                    new FrrProcess(ospfd.pid(), ospfdSince, "r1", FrrDaemon.OSPFD),
                    // the PID was recycled: the record's process started at another time
                    new FrrProcess(stranger.pid(), strangerSince - 1000, "r1", FrrDaemon.BGPD),
                    new FrrProcess(999_999_999L, 1, "r1", FrrDaemon.STATICD)));
            assertThat(stopped).isEqualTo(2);
            // stop waited until they were no longer running (zombies at most); the JVM reaps its children on its own thread
            assertThat(zebra.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(ospfd.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stranger.isAlive()).as("a process that only has a recorded PID").isTrue();
            assertThat(l.pidFile(FrrDaemon.ZEBRA)).doesNotExist();
            assertThat(l.vtySocket(FrrDaemon.ZEBRA)).doesNotExist();
            assertThat(l.zservSocket()).doesNotExist();
            assertThat(runtime.running(records)).isEmpty();
        } finally {
            for (Process p : List.of(zebra, ospfd, stranger)) p.destroyForcibly();
        }
    }

    @Test
    void processRecords() {
        FrrProcess p = new FrrProcess(42, 1700000000000L, "r1", FrrDaemon.OSPFD);
        assertThat(p.what()).isEqualTo("frr ospfd");
        assertThat(FrrProcess.fromRecord(42, 1700000000000L, "r1", "frr ospfd")).contains(p);
        assertThat(FrrProcess.fromRecord(42, 1, "r1", "http server on port 80")).isEmpty();
        assertThat(FrrProcess.fromRecord(42, 1, "r1", "frr isisd")).isEmpty();
        assertThat(FrrProcess.fromRecord(42, 1, "r1", null)).isEmpty();
    }
}

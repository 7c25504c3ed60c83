package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.LabTest;
import netlab.testing.Labs;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input against real labs: a lab container (or anyone) rewriting a namespace's mark, links and forged
 * entries planted in the records directory, and the real binary given the reported file. Each ends in a refusal or
 * an ignored entry said in one line; nothing outside netlab's own directories is written or deleted.
 */
@NeedsRoot
class HostileInputIT extends LabTest {
    private Path victim;

    @BeforeEach
    void plantVictim() throws Exception {
        victim = Files.createDirectories(work.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me\n");
    }

    private void victimIntact() {
        assertThat(victim.resolve("precious")).hasContent("keep me");
    }

    private Path labs() {
        return stateDir.resolve("labs");
    }

    @Test
    void aForgedNamespaceMarkIsIgnoredAndSaidNeverActedOn() throws Exception {
        String lab = lab("mark");
        ok(cli().run("up", "--name", lab, Labs.topology("switch.yaml").toString()));
        String token = new StateStore(stateDir).token();
        String h1 = "netlab." + lab + ".h1", h2 = "netlab." + lab + ".h2";
        // what a lab container with NET_ADMIN can do to its namespace: a mark naming a path, and one naming another lab
        Shell.run("ip", "-n", h1, "link", "set", "dev", "lo", "alias", "netlab:" + labs().relativize(victim) + ":" + token);
        Shell.run("ip", "-n", h2, "link", "set", "dev", "lo", "alias", "netlab:other-lab:" + token);
        // the record is lost: down --all has only the marks to go by
        Path saved = Files.move(labs().resolve(lab), work.resolve("saved-record"));

        Cli.Result r = ok(cli().run("down", "--all"));
        victimIntact();
        assertThat(r.err()).contains("ignoring namespace " + h1 + ": its mark").contains("(it names no lab)")
                .contains("ignoring namespace " + h2 + ": its mark 'netlab:other-lab:" + token + "' is forged (it names lab 'other-lab'")
                .doesNotContain("lab 'other-lab' removed");
        assertThat(r.err().lines().filter(l -> l.contains("ignoring namespace " + h1))).hasSize(1);
        assertThat(Shell.run("ip", "netns", "list")).contains(h1).contains(h2); // not acted on

        // with their marks back they are the lab's again, and go with it
        for (String ns : List.of(h1, h2)) Shell.run("ip", "-n", ns, "link", "set", "dev", "lo", "alias", "netlab:" + lab + ":" + token);
        Files.move(saved, labs().resolve(lab));
        ok(cli().run("down", lab));
    }

    @Test
    void linksAndForgedEntriesPlantedInTheRecordsAreNeverFollowed() throws Exception {
        String lab = lab("links");
        ok(cli().run("up", "--name", lab, Labs.topology("nat.yaml").toString()));
        Path record = labs().resolve(lab);
        // a link where the lab keeps its work files, a lab that is a link, a lock file that is a link, and a record
        // that names a path among its namespaces
        Path services = record.resolve("work/services");
        Files.createSymbolicLink(services.resolve("planted"), victim);
        Files.createSymbolicLink(labs().resolve("evil"), victim);
        Files.createSymbolicLink(labs().resolve("evil2.lock"), victim.resolve("precious"));
        Path state = record.resolve("state.json");
        String json = Files.readString(state);
        String forged = Path.of("/run/netns").relativize(victim.resolve("precious")).toString();
        Files.writeString(state, json.replaceFirst("\"namespaces\": \\[", "\"namespaces\": [\n    \"" + forged + "\","));

        Cli.Result list = ok(cli().run("list"));
        assertThat(list.out()).contains(lab).doesNotContain("evil");
        assertThat(list.err()).contains("skipping " + labs().resolve("evil") + ": a symbolic link");

        Cli.Result evil = cli().run("down", "evil");
        assertThat(evil.exitCode()).as(evil.toString()).isEqualTo(4);
        assertThat(evil.err().lines()).singleElement().asString().contains("refusing " + labs().resolve("evil") + ": a symbolic link");
        Cli.Result evil2 = cli().run("check", "evil2");
        assertThat(evil2.exitCode()).as(evil2.toString()).isEqualTo(4);
        victimIntact();

        Cli.Result down = ok(cli().run("down", lab));
        assertThat(down.err()).contains("ignoring namespace '" + forged + "' named by its record of lab '" + lab + "'");
        assertThat(record).doesNotExist(); // its planted link went with it, as a link
        victimIntact();
        try (Stream<Path> s = Files.list(victim)) {
            assertThat(s.toList()).containsExactly(victim.resolve("precious"));
        }

        Cli.Result all = ok(cli().run("down", "--all"));
        assertThat(all.err()).contains("skipping " + labs().resolve("evil") + ": a symbolic link");
        assertThat(Files.isSymbolicLink(labs().resolve("evil"))).isTrue(); // not netlab's: left as it is
        Files.delete(labs().resolve("evil"));
        Files.delete(labs().resolve("evil2.lock"));
        assertThat(labs().resolve("evil.lock")).as("the refused down leaves no lock file behind").doesNotExist();
    }

    @Test
    void serversKeepTheirFilesToThemselvesWhateverTheUmask() throws Exception {
        String lab = lab("modes");
        // the real binary under umask 000: every file netlab makes would be world-writable if it took the umask
        Cli.Result up = Shell.result(Map.of(), "sh", "-c", "umask 000; exec java -jar " + NetlabProcess.jar().toAbsolutePath()
                + " --state-dir " + stateDir + " up --name " + lab + " " + Labs.topology("nat.yaml"));
        assertThat(up.exitCode()).as(up.out()).isZero();
        Path service = labs().resolve(lab).resolve("work/services/lanweb-http-80");
        try (Stream<Path> all = Files.walk(stateDir)) {
            for (Path p : all.toList()) {
                if (p.equals(stateDir)) continue; // the test's own directory
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
                boolean served = p.startsWith(service.resolve("www")) || p.toString().contains("-http-80/www");
                if (served) assertThat(mode).as(p.toString()).isIn("rwxr-xr-x", "rw-r--r--");
                else if (Files.isDirectory(p)) assertThat(mode).as(p.toString()).isEqualTo("rwx------");
                else if (p.getFileName().toString().endsWith(".sh")) assertThat(mode).as(p.toString()).isEqualTo("rwx------");
                else assertThat(mode).as(p.toString()).isEqualTo("rw-------");
            }
        }
        // the server's log is not in what it serves, and the server runs as nobody
        String netns = "netlab." + lab + ".lanweb";
        assertThat(Shell.run("ip", "netns", "exec", netns, "curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1/log")).isEqualTo("404");
        assertThat(Shell.run("ip", "netns", "exec", netns, "curl", "-s", "http://127.0.0.1/")).contains("netlab http server on lanweb");
        long pid = new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow().processes().stream()
                .filter(p -> p.node().equals("lanweb")).findFirst().orElseThrow().pid();
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "status"))).containsPattern("(?m)^Uid:\\s+65534\\s");
    }

    @Test
    void theRealBinaryGivenTheReportedFileRemovesNothing() throws Exception {
        // the reproduction: up refuses this file, and down used to remove the directory its name leads to
        Path file = Files.createDirectories(work.resolve("a/b/c")).resolve("that.yaml");
        Files.writeString(file, "name: \"" + labs().relativize(victim) + "\"\nnodes: {h1: {}}\n");
        Files.createDirectories(labs());
        Files.writeString(stateDir.resolve("keep"), "state dir content\n");
        String jar = NetlabProcess.jar().toAbsolutePath().toString();
        for (List<String> args : List.of(List.of("down", file.toString()), List.of("check", file.toString()), List.of("up", file.toString()),
                List.of("down", ".."), List.of("down", "."), List.of("down", "--", "-rf"), List.of("status", labs().relativize(victim).toString()))) {
            List<String> argv = new java.util.ArrayList<>(List.of("java", "-jar", jar, "--state-dir", stateDir.toString()));
            argv.addAll(args);
            Cli.Result r = Shell.result(Map.of(), argv.toArray(String[]::new));
            assertThat(r.exitCode()).as(args + ": " + r.out()).isEqualTo(2);
            assertThat(r.out().lines().filter(l -> !l.matches("netlab: \\d+ errors?, nothing was created"))).as(args + ": " + r.out()).hasSize(1);
            victimIntact();
            assertThat(stateDir.resolve("keep")).hasContent("state dir content");
            assertThat(labs()).isDirectory();
            assertThat(victim.resolveSibling("victim.lock")).doesNotExist();
        }
        Files.delete(stateDir.resolve("keep"));
    }
}

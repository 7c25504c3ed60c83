package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.process.Progress;
import netlab.testing.HostileNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records store treats its own directory as hostile: lab names are checked values, a lab's directory is a direct
 * child of labs/, modes are 0700/0600 whatever the umask, and links or foreign files planted there are skipped or
 * refused in one line, never followed, never deleted through. No root needed.
 */
class StateStoreTest {
    @TempDir
    Path dir;
    private Path victim;
    private Path labs;
    private final List<String> warnings = new ArrayList<>();
    private StateStore store;

    @BeforeEach
    void setUp() throws Exception {
        victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("precious"), "keep me\n");
        Files.writeString(victim.resolve("state.json"), "{\"lab\": \"victim\", \"status\": \"up\"}");
        store = new StateStore(dir.resolve("state")).reportingTo(new Progress() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        });
        labs = dir.resolve("state/labs");
    }

    private static LabState record(String lab) {
        return LabState.fresh(lab, "tok", "/x.yaml");
    }

    @Test
    void everyHostileNameIsRefusedInOneLineWithExit2() {
        for (String name : HostileNames.ALL) {
            assertThatThrownBy(() -> LabName.of(name)).as(HostileNames.describe(name)).isInstanceOfSatisfying(NetlabException.class, e -> {
                assertThat(e.exitCode()).isEqualTo(ExitCode.INVALID_TOPOLOGY);
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0000").hasSizeLessThan(200);
            });
            assertThat(LabName.ifValid(name)).as(HostileNames.describe(name)).isEmpty();
        }
        assertThat(LabName.of("router").value()).isEqualTo("router");
        assertThat(LabName.of("a-b_C9").value()).isEqualTo("a-b_C9");
    }

    @Test
    void aLabsDirectoryAndLockFileAreDirectChildrenOfLabs() {
        LabName lab = LabName.of("router");
        assertThat(store.labDir(lab).getParent()).isEqualTo(labs);
        assertThat(store.lockFile(lab)).isEqualTo(labs.resolve("router.lock"));
    }

    @Test
    void recordsAreRootsAloneWhateverTheUmask() throws Exception {
        LabName lab = LabName.of("m1");
        store.saveTopology(lab, "name: m1\nenvironment: {PASSWORD: secret}\n");
        store.save(lab, record("m1"));
        Path work = store.makeWorkDir(lab, Path.of("services/h1-http-80"));
        for (Path d : List.of(dir.resolve("state"), labs, labs.resolve("m1"), labs.resolve("m1/work"), labs.resolve("m1/work/services"), work)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(d))).as(d.toString()).isEqualTo("rwx------");
        }
        for (Path f : List.of(labs.resolve("m1/state.json"), labs.resolve("m1/topology.yaml"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------");
        }
        try (LabLock lock = LabLock.acquire(store, lab, false, Progress.SILENT)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs.resolve("m1.lock")))).isEqualTo("rw-------");
        }
    }

    @Test
    void aRecordOfAnOlderNetlabIsTightenedWhenWrittenAgain() throws Exception {
        Files.createDirectories(labs.resolve("old"));
        Files.setPosixFilePermissions(labs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(labs.resolve("old"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(labs.resolve("old/state.json"), "{}");
        Files.setPosixFilePermissions(labs.resolve("old/state.json"), PosixFilePermissions.fromString("rw-r--r--"));
        store.save(LabName.of("old"), record("old"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs.resolve("old")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(labs.resolve("old/state.json")))).isEqualTo("rw-------");
    }

    @Test
    void theRecordSaysWhichLabItIsByItsDirectoryNotByWhatItClaims() throws Exception {
        Files.createDirectories(labs.resolve("good"));
        Files.writeString(labs.resolve("good/state.json"), "{\"lab\": \"../../../victim\", \"status\": \"up\"}");
        assertThat(store.load(LabName.of("good")).orElseThrow().lab()).isEqualTo("good");
        store.save(LabName.of("good"), store.load(LabName.of("good")).orElseThrow());
        assertThat(victim.resolve("state.json")).content().contains("\"victim\"");
    }

    @Test
    void aLinkPlantedAsALabIsSkippedWhenListingAndRefusedWhenNamed() throws Exception {
        Files.createDirectories(labs);
        Files.createSymbolicLink(labs.resolve("evil"), victim);
        assertThat(store.labs()).isEmpty();
        assertThat(store.unfinishedRecords()).isEmpty();
        assertThat(warnings).singleElement().asString().contains(labs.resolve("evil").toString()).contains("a symbolic link");
        store.labs(); // said once per command
        assertThat(warnings).hasSize(1);

        LabName evil = LabName.of("evil");
        assertThatThrownBy(() -> store.load(evil)).isInstanceOfSatisfying(NetlabException.class, e ->
                assertThat(e.exitCode()).isEqualTo(ExitCode.LAB_STATE));
        assertThatThrownBy(() -> store.delete(evil)).hasMessageContaining("a symbolic link");
        assertThatThrownBy(() -> store.save(evil, record("evil"))).hasMessageContaining("a symbolic link");
        assertThatThrownBy(() -> store.saveTopology(evil, "x")).hasMessageContaining("a symbolic link");
        assertThatThrownBy(() -> store.loadTopology(evil)).hasMessageContaining("a symbolic link");
        assertThat(Files.isSymbolicLink(labs.resolve("evil"))).isTrue();
        assertThat(victim.resolve("precious")).hasContent("keep me");
        assertThat(victim.resolve("state.json")).content().contains("\"victim\"");
        try (var s = Files.list(victim)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("precious", "state.json");
        }
    }

    @Test
    void linksAndForeignFilesInsideALabAreNeverFollowed() throws Exception {
        Path good = Files.createDirectories(labs.resolve("good"));
        Files.writeString(good.resolve("state.json"), "{\"lab\": \"good\", \"status\": \"up\"}");
        Files.createSymbolicLink(good.resolve("work"), victim);
        Files.createSymbolicLink(good.resolve("state.json.tmp"), victim.resolve("precious"));
        Files.createSymbolicLink(good.resolve("topology.yaml"), victim.resolve("precious"));
        LabName lab = LabName.of("good");

        assertThatThrownBy(() -> store.loadTopology(lab)).hasMessageContaining("a symbolic link");
        store.save(lab, record("good")); // writes a fresh file, not through the planted one
        assertThat(Files.isSymbolicLink(good.resolve("state.json"))).isFalse();
        assertThatThrownBy(() -> store.makeWorkDir(lab, Path.of("services"))).hasMessageContaining("a symbolic link");
        store.delete(lab); // removes the links themselves
        assertThat(good).doesNotExist();
        assertThat(victim.resolve("precious")).hasContent("keep me");
        assertThat(victim.resolve("state.json")).exists();
    }

    @Test
    void aRecordThatIsALinkOrAFifoIsSkippedAndRefused() throws Exception {
        Path bad = Files.createDirectories(labs.resolve("bad"));
        Files.createSymbolicLink(bad.resolve("state.json"), victim.resolve("state.json"));
        Path fifo = Files.createDirectories(labs.resolve("fifo"));
        new ProcessBuilder("mkfifo", fifo.resolve("state.json").toString()).start().waitFor();
        assertThat(store.labs()).isEmpty();
        assertThat(store.unfinishedRecords()).isEmpty();
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).startsWith("skipping "));
        assertThatThrownBy(() -> store.load(LabName.of("bad"))).hasMessageContaining("a symbolic link");
        assertThatThrownBy(() -> store.load(LabName.of("fifo"))).hasMessageContaining("a special file"); // its read would block
    }

    @Test
    void entriesThatAreNoLabAreSkippedInOneLineEach() throws Exception {
        Files.createDirectories(labs.resolve("ok"));
        Files.writeString(labs.resolve("ok/state.json"), "{\"lab\": \"ok\"}");
        Files.writeString(labs.resolve("ok.lock"), "1 2");
        Files.createDirectories(labs.resolve("bad\nname"));
        Files.createDirectories(labs.resolve("-rf"));
        Files.writeString(labs.resolve("stray"), "x");
        Files.createSymbolicLink(labs.resolve("link.lock"), victim.resolve("precious"));
        assertThat(store.labs()).containsExactly(LabName.of("ok"));
        assertThat(warnings).hasSize(4).allSatisfy(w -> assertThat(w).doesNotContain("\n").startsWith("skipping "));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("bad\\nname"));
    }

    @Test
    void aLockFileThatIsALinkIsRefusedNotCreatedThrough() throws Exception {
        Files.createDirectories(labs);
        Path target = dir.resolve("made-through-the-link");
        Files.createSymbolicLink(labs.resolve("lab1.lock"), target);
        assertThatThrownBy(() -> LabLock.acquire(store, LabName.of("lab1"), false, Progress.SILENT))
                .isInstanceOfSatisfying(NetlabException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.LAB_STATE))
                .hasMessageContaining("a symbolic link");
        assertThat(target).doesNotExist();
    }

    @Test
    void aHugeRecordIsRefusedNotRead() throws Exception {
        Path big = Files.createDirectories(labs.resolve("big"));
        try (var ch = java.nio.channels.FileChannel.open(big.resolve("state.json"), java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.position(StateStore.RECORD_LIMIT + 1).write(java.nio.ByteBuffer.wrap(new byte[] {'}'})); // sparse
        }
        assertThatThrownBy(() -> store.load(LabName.of("big"))).hasMessageContaining("bytes where netlab keeps at most");
    }
}

package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.NetlabProcess;
import netlab.testing.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launcher with the start-up aids install.sh makes for its jar (scripts/make-cds.sh,
 * scripts/unpack-native.sh), in a prefix of its own: the JVM really maps the class-data archive with the
 * launcher's options, and jffi loads its native stub in place rather than copying it to a temporary file.
 */
@NeedsRoot
class LauncherIT {
    @TempDir
    static Path prefix;
    @TempDir
    Path stateDir;

    private static Path launcher;

    @BeforeAll
    static void install() throws IOException {
        Path lib = Files.createDirectories(prefix.resolve("lib/netlab"));
        Path jar = Files.copy(NetlabProcess.jar(), lib.resolve("netlab.jar"), StandardCopyOption.REPLACE_EXISTING);
        launcher = Files.copy(Labs.repo().resolve("scripts/netlab"), Files.createDirectories(prefix.resolve("bin")).resolve("netlab"));
        for (String aid : List.of("scripts/make-cds.sh", "scripts/unpack-native.sh")) {
            Cli.Result r = Shell.result(Map.of(), Labs.repo().resolve(aid).toString(), jar.toString());
            assertThat(r.exitCode()).as(aid + ": " + r).isZero();
        }
        assertThat(lib.resolve("netlab.jsa")).exists();
        assertThat(lib.resolve("jni")).isDirectory();
    }

    @Test
    void theClassDataArchiveMapsWithTheLaunchersOptions() {
        // -Xshare:on turns "cannot use the archive" (a stale archive, an option it does not accept) into a failure
        Cli.Result r = run(Map.of("NETLAB_JAVA_OPTS", "-Xshare:on -Xlog:cds=info"), "version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Mapped static").contains("netlab ");
    }

    @Test
    void noClassIsVerifiedWithTheOldVerifierAtStart() {
        // picocli's classes are packaged as Java 8 class files (netlab.build.ModernClassFiles), which the archive
        // holds verified; Java 5 ones would be verified again, the slow way, at every start
        Cli.Result r = run(Map.of("NETLAB_JAVA_OPTS", "-Xlog:verification=info"), "version");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("with old format"))).isEmpty();
    }

    @Test
    void jffiLoadsItsStubInPlaceSoALabBuildsWithoutATemporaryCopy() {
        // jffi told to copy its stub into a directory that cannot exist fails unless it loaded the stub in place
        Map<String, String> noCopy = Map.of("NETLAB_JAVA_OPTS", "-Djffi.extract.dir=/nonexistent/netlab-test");
        String lab = Labs.uniqueName("launch");
        try {
            Cli.Result up = run(noCopy, "--state-dir", stateDir.toString(), "up", "--name", lab, Labs.topology("switch.yaml").toString());
            assertThat(up.exitCode()).as(up.toString()).isZero();
            Cli.Result down = run(noCopy, "--state-dir", stateDir.toString(), "down", lab);
            assertThat(down.exitCode()).as(down.toString()).isZero();
        } finally {
            new Cli("--state-dir", stateDir.toString()).run("down", lab);
        }
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void withoutTheStubInPlaceNorAPlaceToCopyItALabFailsWithOneClearLineAndMakesNothing() {
        // the plain jar (no launcher, so no stub in place), and jffi told to copy its stub where it cannot
        String lab = Labs.uniqueName("nostub");
        Cli.Result up = NetlabProcess.run(List.of("-Djffi.extract.dir=/nonexistent/netlab-test"), Map.of(),
                "--state-dir", stateDir.toString(), "up", "--name", lab, Labs.topology("switch.yaml").toString());
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(3);
        assertThat(up.out()).contains("netlab: cannot load jffi's native stub").contains("scripts/install.sh")
                .doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(Leftovers.namespaces(lab)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }

    private static Cli.Result run(Map<String, String> env, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = launcher.toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        return Shell.result(env, argv);
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.errors.NetlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where netlab save writes (issue 16): one file per routing node, DIR/NODE.conf, and never anywhere else: a node's
 * name that is no plain file name is refused, a symbolic link is never followed (neither as the directory nor as a
 * file in the way). Every path here is under the test's own directory. Fails before: there was no save.
 */
class ConfigFilesTest {
    @TempDir
    Path tmp;

    @Test
    void eachNodeIsAFileInTheDirectoryMadeIfMissing() throws Exception {
        ConfigFiles files = ConfigFiles.in(tmp.resolve("lab-config"));
        Path r1 = files.write("r1", "hostname r1\n");
        assertThat(r1).isEqualTo(tmp.resolve("lab-config/r1.conf"));
        assertThat(Files.readString(r1)).isEqualTo("hostname r1\n");
        files.write("r1", "hostname r1\nrouter ospf\n");
        assertThat(Files.readString(r1)).as("saved again: replaced").isEqualTo("hostname r1\nrouter ospf\n");
        try (var s = Files.list(tmp.resolve("lab-config"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("r1.conf");
        }
    }

    @Test
    void aNameThatIsNoPlainFileNameIsRefused() {
        ConfigFiles files = ConfigFiles.in(tmp.resolve("out"));
        for (String hostile : new String[] {"../evil", "a/b", "..", ".hidden", "/abs", "r1\nr2", "", "-rf"}) {
            assertThatThrownBy(() -> files.write(hostile, "x")).as(hostile).isInstanceOf(NetlabException.class).hasMessageContaining("cannot name a file");
        }
        assertThat(tmp.resolve("evil.conf")).doesNotExist();
        assertThat(tmp.resolve("out/a")).doesNotExist();
    }

    @Test
    void symbolicLinksAreNeverFollowed() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("elsewhere"));
        Path linkDir = Files.createSymbolicLink(tmp.resolve("linked"), target);
        assertThatThrownBy(() -> ConfigFiles.in(linkDir)).isInstanceOf(NetlabException.class).hasMessageContaining("is a symbolic link");

        Path victim = Files.writeString(tmp.resolve("victim.txt"), "keep me\n");
        ConfigFiles files = ConfigFiles.in(tmp.resolve("out"));
        Files.createSymbolicLink(tmp.resolve("out/r1.conf"), victim);
        assertThatThrownBy(() -> files.write("r1", "hostname r1\n")).isInstanceOf(NetlabException.class).hasMessageContaining("is not a regular file");
        assertThat(Files.readString(victim)).isEqualTo("keep me\n");
        assertThat(Files.isSymbolicLink(tmp.resolve("out/r1.conf"))).isTrue();
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> ConfigFiles.in(file)).isInstanceOf(NetlabException.class).hasMessageContaining("is not a directory");
    }
}

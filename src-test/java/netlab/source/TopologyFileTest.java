package netlab.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netlab.testing.Cli;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology file is looked at before it is read: what would never end (a named pipe, /dev/zero) or is too large
 * is refused unopened, in one line. On main, a FIFO hung validate, /dev/zero and a file of gigabytes were read
 * until memory ran out. The timeouts only stop a hang from stalling the build; nothing here is timed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopologyFileTest {
    @TempDir
    Path dir;

    private Cli.Result validate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Cli("--no-color").run(all);
    }

    @Test
    void aSparseFileOfGigabytesIsRefusedWithoutBeingRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB, no blocks: reading it would cost 3 GiB of memory
        }
        Cli.Result r = validate(big.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(big + ":1:1: the file has 3221225472 bytes; a topology may have at most 4194304 (4 MiB; --allow-large"
                + " raises it to 64 MiB)\nnetlab: 1 error\n");
        assertThat(validate("--allow-large", big.toString()).err()).startsWith(big + ":1:1: the file has 3221225472 bytes; a topology may"
                + " have at most 67108864 (64 MiB; netlab reads no more, even with --allow-large)");
    }

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() {
        Path fifo = dir.resolve("pipe.yaml");
        Shell.run("mkfifo", fifo.toString());
        Cli.Result r = validate(fifo.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(fifo + ": is a named pipe (FIFO), not a regular file; netlab reads a topology only from a file\n"
                + "netlab: 1 error\n");
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Cli.Result r = validate("/dev/zero");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("/dev/zero: is a character device, not a regular file; netlab reads a topology only from a file\n"
                + "netlab: 1 error\n");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThat(validate(dir.toString()).err()).startsWith(dir + ": is a directory, not a topology file\n");
    }

    @Test
    void aFileAtTheLimitIsRead() throws Exception {
        // a comment fills the file to exactly 4 MiB: read and parsed (and invalid only as a topology)
        Path f = dir.resolve("full.yaml");
        String head = "name: full\n#";
        Files.writeString(f, head + "x".repeat((4 << 20) - head.length() - 1) + "\n");
        assertThat(Files.size(f)).isEqualTo(4 << 20);
        assertThat(validate(f.toString()).err()).contains("needs 'nodes'").doesNotContain("bytes");
    }
}

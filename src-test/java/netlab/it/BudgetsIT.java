package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budgets hold for the real binary in a small heap (the launcher with NETLAB_JAVA_OPTS=-Xmx...): hostile
 * files end in one error line, not in an out-of-memory error or a hang. No root needed. On main the alias fan-out
 * below needed 580 MB (an out-of-memory error in 64 MB), /dev/zero was read until memory ran out and a named pipe
 * hung. The timeout only keeps a hang from stalling the build; nothing is timed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BudgetsIT {
    @TempDir
    Path dir;

    private static Cli.Result validate(String heap, String... files) {
        String[] argv = new String[files.length + 3];
        argv[0] = Labs.repo().resolve("scripts/netlab").toString();
        argv[1] = "--no-color";
        argv[2] = "validate";
        System.arraycopy(files, 0, argv, 3, files.length);
        return Shell.result(Map.of("NETLAB_JAVA_OPTS", "-Xmx" + heap), argv);
    }

    private static void assertOneError(Cli.Result r, String error) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).doesNotContain("OutOfMemory").doesNotContain("internal error")
                .isEqualTo(error + "\nnetlab: 1 error\n");
    }

    @Test
    void aliasBombsEndInOneErrorInA32MegabyteHeap() throws Exception {
        Path fan = dir.resolve("fan.yaml");
        StringBuilder sb = new StringBuilder("name: rb\nx: &r [").append(String.join(",", Collections.nCopies(6000, "x"))).append("]\nnodes:\n");
        for (int i = 0; i < 49; i++) sb.append("  n").append(i).append(": {rules: *r}\n");
        Files.writeString(fan, sb.toString());
        assertOneError(validate("32m", fan.toString()), fan + ":44:16: this file makes 300203 YAML nodes (an alias counts as the copy of its"
                + " anchor it makes) and passes the limit of 250000 here (--allow-large raises it to 2000000)");

        Path doubling = dir.resolve("doubling.yaml");
        StringBuilder d = new StringBuilder("name: d\nx0: &l0 [lol, lol]\n");
        for (int i = 1; i < 40; i++) d.append("x").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
        Files.writeString(doubling, d.append("nodes:\n  h1: {exec: *l39}\n").toString());
        Cli.Result r = validate("32m", doubling.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).startsWith(doubling + ":17:18: this file makes ").endsWith(" 1 error\n").hasLineCount(2);
    }

    @Test
    void theWorstA4MegabyteFileCanDoFitsIn128Megabytes() throws Exception {
        // the two worst cases of a file within the default budget: the most nodes, and one value of 4 MiB
        Path nodes = dir.resolve("nodes.yaml");
        Files.writeString(nodes, "name: f\nnodes: {h1: {}}\ndescription: [" + String.join(",", Collections.nCopies(249_990, "a")) + "]\n");
        assertOneError(validate("128m", nodes.toString()), nodes + ":3:14: 'description' in the topology must be a single value, not a list");
        Path value = dir.resolve("value.yaml");
        Files.writeString(value, "name: v\nnodes: {h1: {}}\ndescription: " + "x".repeat((4 << 20) - 40) + "\n");
        Cli.Result r = validate("128m", value.toString());
        assertThat(r.out()).as(r.toString()).doesNotContain("OutOfMemory").doesNotContain("internal error");
    }

    @Test
    void devicesAndPipesAreRefusedUnread() {
        Path fifo = dir.resolve("pipe.yaml");
        Shell.run("mkfifo", fifo.toString());
        assertOneError(validate("32m", fifo.toString()), fifo + ": is a named pipe (FIFO), not a regular file; netlab reads a topology only from a file");
        assertOneError(validate("32m", "/dev/zero"), "/dev/zero: is a character device, not a regular file; netlab reads a topology only from a file");
    }
}

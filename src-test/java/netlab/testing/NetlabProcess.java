package netlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The built netlab jar run as a separate process, as users run it (for signals, crashes, concurrency). */
public final class NetlabProcess {
    private NetlabProcess() {}

    public static Path jar() {
        Path jar = Path.of(System.getProperty("netlab.jar", "target/netlab.jar"));
        if (!Files.exists(jar)) throw new IllegalStateException("the netlab jar is not built: " + jar + " (run mvn verify)");
        return jar;
    }

    /** Starts {@code java -jar netlab.jar ARGS} with stdout and stderr going to the given files. */
    public static Process start(Path stdout, Path stderr, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("java", "-jar", jar().toString()));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    public static void signal(Process p, String signal) {
        Shell.run("kill", "-" + signal, Long.toString(p.pid()));
    }

    /** Waits until {@code file} contains {@code text} or the process ends; true if the text appeared. */
    public static boolean awaitText(Process p, Path file, String text, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) return true;
            if (!p.isAlive()) return Files.exists(file) && Files.readString(file).contains(text);
            Thread.sleep(5);
        }
        return false;
    }

    /** A star lab: one switch and {@code n} hosts (big enough that building it takes a moment). */
    public static String starTopology(String name, int n) {
        StringBuilder sb = new StringBuilder("name: " + name + "\nswitches: {sw1: {subnet: 10.77.0.0/16}}\nnodes:\n");
        for (int i = 1; i <= n; i++) sb.append("  h").append(i).append(": {}\n");
        sb.append("links:\n");
        for (int i = 1; i <= n; i++) sb.append("  - [h").append(i).append(":eth1, sw1]\n");
        return sb.toString();
    }
}

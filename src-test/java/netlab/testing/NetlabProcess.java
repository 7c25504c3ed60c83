package netlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * {@code java JVM-OPTIONS -jar netlab.jar ARGS} with extra environment variables: to see which classes it
     * loads, or how it behaves with another $DOCKER_HOST.
     */
    public static ProcessBuilder builder(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("java"));
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-jar", jar().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to completion; stdout and stderr together (in both fields of the result). */
    public static Cli.Result run(List<String> jvmOptions, Map<String, String> env, String... args) {
        return Shell.result(env, builder(jvmOptions, Map.of(), args).command().toArray(String[]::new));
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

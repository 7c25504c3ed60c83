package netlab.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs netlab as a separate process (its own JVM, from the test class path), for what the in-process {@link Cli}
 * cannot show: a netlab killed half-way, another environment ($DOCKER_HOST), which classes it loads.
 */
public final class NetlabProcess {
    private NetlabProcess() {}

    public static ProcessBuilder builder(List<String> jvmOptions, Map<String, String> env, String... args) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp));
        argv.addAll(jvmOptions);
        argv.add("netlab.Main");
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs to completion; stdout and stderr together. */
    public static Cli.Result run(List<String> jvmOptions, Map<String, String> env, String... args) {
        try {
            Process p = builder(jvmOptions, env, args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Cli.Result(p.waitFor(), out, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

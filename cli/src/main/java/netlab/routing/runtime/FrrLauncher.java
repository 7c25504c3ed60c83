package netlab.routing.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts a long-running program and leaves it running: a daemon. */
@FunctionalInterface
public interface FrrLauncher {
    String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * @param cwd its working directory (where a core dump would go)
     * @param log where its output goes, appended
     */
    Process start(List<String> argv, Path cwd, Path log) throws IOException;

    /**
     * The real one: a clean environment (PATH only: nothing of netlab's reaches FRR), no input, output appended to
     * the log. Not through setpriv's parent-death signal as the programs netlab waits for: a daemon must outlive
     * the netlab that started it.
     */
    FrrLauncher PROCESS = (argv, cwd, log) -> {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", PATH);
        pb.redirectInput(new File("/dev/null"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    };
}

package netlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.Main;
import netlab.console.Io;

/** Runs netlab's command line in this JVM with captured output, as a user would type it. */
public final class Cli {
    private final List<String> globalArgs;

    public Cli(String... globalArgs) {
        this.globalArgs = List.of(globalArgs);
    }

    /** A CLI whose labs are recorded in {@code stateDir} (isolated from other tests and from users' labs). */
    public static Cli withStateDir(java.nio.file.Path stateDir) {
        return new Cli("--state-dir", stateDir.toString(), "--no-color");
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(globalArgs);
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new),
                new Io(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}

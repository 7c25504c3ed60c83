package netlab.cli;

import java.io.PrintStream;

/** The streams a command writes to: data on {@code out}, progress and errors on {@code err}. */
public record Io(PrintStream out, PrintStream err) {
    public static Io system() {
        return new Io(System.out, System.err);
    }
}

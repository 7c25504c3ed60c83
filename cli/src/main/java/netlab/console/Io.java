package netlab.console;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command uses: data on {@code out}, progress and errors on {@code err}; {@code in} is read only by
 * commands that take input (the shell reading a script).
 */
public record Io(InputStream in, PrintStream out, PrintStream err) {
    /** Streams for a command that reads no input. */
    public Io(PrintStream out, PrintStream err) {
        this(InputStream.nullInputStream(), out, err);
    }

    public static Io system() {
        return new Io(System.in, System.out, System.err);
    }
}

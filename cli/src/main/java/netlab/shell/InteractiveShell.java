package netlab.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;

/**
 * The shell at a terminal: line editing, history kept across sessions, TAB completion. Ctrl-C at the prompt
 * clears the line; while a command runs it interrupts that command (which stops and cleans up like the CLI does)
 * and the shell goes on. Ctrl-D (or exit) leaves.
 */
public final class InteractiveShell implements AutoCloseable {
    private final ShellSession s;
    private final Terminal terminal;
    private final LineReader reader;
    /** The thread running a command, null while the prompt waits. */
    private volatile Thread commandThread;
    /** The running command got its Ctrl-C in time (so none can come late). */
    private volatile boolean ctrlCDuringCommand;
    /** When the last command ended (System.nanoTime), to recognise a Ctrl-C that was meant for it. */
    private long lastCommandEnd;
    /** A command has ended and no Ctrl-C has been taken as its late copy yet. */
    private boolean commandJustEnded;

    /**
     * A Ctrl-C at the terminal reaches both the program on it and the JVM; the program may end (and the prompt
     * return) before the JVM has handled its copy, which then lands in the next line read. Within this window after
     * a command, such a Ctrl-C keeps what was typed instead of clearing the line.
     */
    private static final long LATE_CTRL_C_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    public InteractiveShell(ShellSession s) {
        this.s = s;
        try {
            // a handler other than SIG_DFL makes jline route SIGINT to terminal.handle() instead of killing the JVM
            this.terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        } catch (IOException e) {
            throw NetlabException.environment("cannot open the terminal: " + e.getMessage());
        }
        // Only a running command is interrupted: a Ctrl-C whose delivery lags behind the end of the program it
        // stopped must not leave the shell thread interrupted for whatever comes next.
        terminal.handle(Terminal.Signal.INT, sig -> {
            Thread t = commandThread;
            if (t != null) {
                ctrlCDuringCommand = true;
                t.interrupt();
            }
        });
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("netlab").parser(s.parser())
                .completer(new ShellCompleter(s))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' negates a command, it is not history
                .build();
    }

    /** $NETLAB_HISTORY, else ~/.netlab_history. */
    static Path historyFile() {
        String env = System.getenv("NETLAB_HISTORY");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".netlab_history");
    }

    /** Reads and runs lines until Ctrl-D or exit; returns the exit code asked for (0 by default). */
    public int loop() {
        String typed = null;
        while (true) {
            String line;
            try {
                line = reader.readLine(s.prompt(), null, typed);
                typed = null;
            } catch (UserInterruptException e) {
                boolean late = commandJustEnded && System.nanoTime() - lastCommandEnd < LATE_CTRL_C_NANOS;
                typed = late && !e.getPartialLine().isEmpty() ? e.getPartialLine() : null; // else a fresh line
                commandJustEnded = false; // one late Ctrl-C per command at most
                continue;
            } catch (EndOfFileException e) {
                s.out().println();
                return ExitCode.OK;
            } catch (java.io.IOError e) {
                // the terminal went away under the read (EIO after a hangup): the end of the input, as Ctrl-D
                return ExitCode.OK;
            }
            ctrlCDuringCommand = false;
            commandThread = Thread.currentThread();
            try {
                s.execute(line);
            } catch (ExitRequest e) {
                return e.code();
            } catch (InterruptedException e) {
                s.io().err().println("netlab: interrupted");
            } finally {
                commandThread = null;
                Thread.interrupted(); // a Ctrl-C that arrived as the command ended must not hit the next one
                lastCommandEnd = System.nanoTime();
                commandJustEnded = !ctrlCDuringCommand;
                s.out().flush();
            }
        }
    }

    /** A yes/no question; an empty answer is {@code byDefault}; none at all (Ctrl-C, Ctrl-D, the terminal gone) is empty. */
    public Optional<Boolean> ask(String question, boolean byDefault) {
        try {
            String a = reader.readLine(question + (byDefault ? " [Y/n] " : " [y/N] ")).strip().toLowerCase();
            return Optional.of(a.isEmpty() ? byDefault : a.startsWith("y"));
        } catch (UserInterruptException | EndOfFileException | java.io.IOError | IllegalStateException e) {
            // IllegalStateException: the reader is still marked busy by a read the terminal broke off
            return Optional.empty();
        }
    }

    /**
     * True when this process's terminal hung up (a closed window, a dropped SSH connection), which a read tells
     * only as an end of input, like Ctrl-D: once the terminal is gone, /dev/tty (the session's terminal) no longer
     * opens.
     */
    public static boolean terminalHungUp() {
        try (java.io.FileInputStream tty = new java.io.FileInputStream("/dev/tty")) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            s.io().err().println("netlab: could not save the shell history: " + e.getMessage());
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}

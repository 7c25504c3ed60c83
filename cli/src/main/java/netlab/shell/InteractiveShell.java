package netlab.shell;

import java.io.IOException;
import java.nio.file.Path;
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

    public InteractiveShell(ShellSession s) {
        this.s = s;
        try {
            // a handler other than SIG_DFL makes jline route SIGINT to terminal.handle() instead of killing the JVM
            this.terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
        } catch (IOException e) {
            throw NetlabException.environment("cannot open the terminal: " + e.getMessage());
        }
        Thread shellThread = Thread.currentThread();
        terminal.handle(Terminal.Signal.INT, sig -> shellThread.interrupt());
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
        while (true) {
            String line;
            try {
                line = reader.readLine(s.prompt());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C at the prompt: a fresh line
            } catch (EndOfFileException e) {
                s.out().println();
                return ExitCode.OK;
            }
            try {
                s.execute(line);
            } catch (ExitRequest e) {
                return e.code();
            } catch (InterruptedException e) {
                s.io().err().println("netlab: interrupted");
            } finally {
                Thread.interrupted(); // a Ctrl-C that arrived as the command ended must not hit the next one
                s.out().flush();
            }
        }
    }

    /** Asks a yes/no question at the terminal; an empty answer is {@code byDefault}, Ctrl-C/Ctrl-D is no. */
    public boolean ask(String question, boolean byDefault) {
        try {
            String a = reader.readLine(question + (byDefault ? " [Y/n] " : " [y/N] ")).strip().toLowerCase();
            return a.isEmpty() ? byDefault : a.startsWith("y");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
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

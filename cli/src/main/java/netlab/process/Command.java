package netlab.process;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One program run: its argv and what it reads on standard input. A runner builds it once from its ops and both runs it
 * and prints it ({@code up --dry-run}), so the printed command is the command that runs: {@link #shell()} is POSIX
 * shell text that, pasted, gives the program the same arguments and the same input.
 */
public record Command(List<String> argv, Optional<String> stdin) {
    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("a command needs a program");
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Optional.empty());
    }

    public static Command withInput(List<String> argv, String stdin) {
        return new Command(argv, Optional.of(stdin));
    }

    public ProcResult run(ProcessRunner processes, Duration timeout) throws InterruptedException {
        return processes.run(argv, stdin.orElse(null), timeout);
    }

    /** The command as a shell would run it. */
    public String shell() {
        String line = ShellQuote.join(argv);
        return stdin.map(in -> ShellQuote.withInput(line, in)).orElse(line);
    }
}

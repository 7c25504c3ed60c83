package netlab.shell;

import java.util.List;

/**
 * A quick command of the shell (nodes, ping, show…), next to the CLI's own commands. Each verb parses its own
 * words, prints on the session's streams and returns an exit code like a CLI command.
 */
public interface Verb {
    String name();

    /** One line: how to write it, e.g. "link NODE:IFACE up|down". */
    String usage();

    /** One line: what it does. */
    String summary();

    int run(List<String> args, ShellSession session) throws InterruptedException;

    /**
     * Candidates for the word at {@code index} of {@code args} (the words after the verb; the last one is being
     * typed). Never throws: a lab that cannot be read just gives no candidates.
     */
    default List<String> complete(List<String> args, int index, ShellSession session) {
        return List.of();
    }
}

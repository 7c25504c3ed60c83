package netlab.shell.verbs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.errors.NetlabException;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/**
 * {@code source FILE}: runs the shell commands of a file, one per line ({@code #} starts a comment), stopping at
 * the first that fails; its exit code is the file's. A line {@code ! CMD} must fail. This is how a scenario is
 * scripted: break a link, assert what stops working, restore it, assert it works again.
 */
final class SourceVerb implements Verb {
    @Override
    public String name() {
        return "source";
    }

    @Override
    public String usage() {
        return "source FILE";
    }

    @Override
    public String summary() {
        return "run the commands in FILE (stops at the first failure; '! CMD' must fail)";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        if (args.size() != 1) throw NetlabException.usage("usage: " + usage());
        Path file = Path.of(args.get(0));
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return s.runScript(r, file.toString(), true, true);
        } catch (java.nio.file.NoSuchFileException e) {
            throw NetlabException.usage("source: no such file " + file);
        } catch (IOException e) {
            throw NetlabException.environment("source: cannot read " + file + ": " + e.getMessage());
        }
    }
}

package netlab.shell.verbs;

import java.util.List;
import netlab.errors.ExitCode;
import netlab.shell.ExitRequest;
import netlab.shell.ShellSession;
import netlab.shell.Verb;

/** {@code exit} / {@code quit}: leaves the shell like Ctrl-D (asking about labs it brought up). */
final class ExitVerb implements Verb {
    private final String name;

    ExitVerb(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name + " [CODE]";
    }

    @Override
    public String summary() {
        return "leave the shell (Ctrl-D too)";
    }

    @Override
    public int run(List<String> args, ShellSession s) {
        int code = ExitCode.OK;
        if (!args.isEmpty()) {
            try {
                code = Integer.parseInt(args.get(0));
            } catch (NumberFormatException e) {
                throw netlab.errors.NetlabException.usage("usage: " + usage());
            }
        }
        throw new ExitRequest(code);
    }
}

package netlab.process;

import java.util.ArrayList;
import java.util.List;

/**
 * A program netlab runs and waits for must not outlive netlab. When netlab is killed outright (SIGKILL, the OOM
 * killer, a CI timeout), an {@code ip -batch} still creating namespaces would otherwise go on after the
 * {@code down} that follows has looked, and leave them behind. So such programs start through util-linux's
 * {@code setpriv --pdeathsig KILL}, which asks the kernel to kill the program when the thread that started it
 * dies: that thread waits for it, so only netlab's death does that. Long-running programs (servers, captures) are
 * started without it: the thread that starts them ends long before they do.
 */
final class ParentDeath {
    /** setpriv, when this machine has it (util-linux; Debian has it everywhere). Looked up once. */
    private static final String SETPRIV = Tools.find("setpriv").map(Object::toString).orElse(null);

    private ParentDeath() {}

    /** The command line that runs {@code argv} so; {@code argv} itself when that cannot be done, or when the
     * program is missing (whose error must stay "cannot run X", not setpriv's). */
    static List<String> killsChild(List<String> argv) {
        if (SETPRIV == null || argv.isEmpty()) return argv;
        String program = argv.get(0);
        boolean found = program.contains("/") ? java.nio.file.Files.isExecutable(java.nio.file.Path.of(program)) : Tools.find(program).isPresent();
        if (!found) return argv;
        List<String> out = new ArrayList<>(argv.size() + 4);
        out.addAll(List.of(SETPRIV, "--pdeathsig", "KILL", "--"));
        out.addAll(argv);
        return out;
    }
}

package netlab.plan;

import netlab.source.Printable;
import netlab.topology.Names;

/**
 * The checks op records make of their names when they are made: an interface name is a kernel interface name
 * ({@link Names#checkIfname}), any other name (a namespace, an alias) one plain word ({@link BatchLine#plain}). So a
 * record never holds free text: whatever reaches it from a topology, a record or the kernel, nothing it renders can be
 * read as a second command or an option, and nothing it sends over netlink names something else.
 */
final class OpArgs {
    private OpArgs() {}

    static String ifname(String name) {
        if (name == null) throw new IllegalArgumentException("an interface name is missing");
        java.util.Optional<String> problem = Names.checkIfname(name, "interface name");
        if (problem.isPresent()) throw new IllegalArgumentException(problem.get());
        return name;
    }

    static String word(String word, String what) {
        if (word == null || !BatchLine.plain(word)) {
            throw new IllegalArgumentException(what + " '" + (word == null ? "null" : Printable.line(word)) + "' is not one plain word");
        }
        return word;
    }
}

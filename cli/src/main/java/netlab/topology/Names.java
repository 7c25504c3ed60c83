package netlab.topology;

import java.util.Optional;
import java.util.regex.Pattern;
import netlab.source.Printable;

/**
 * Rules for the names users choose. Lab and node names become parts of namespace and container names; switch
 * and interface names are kernel interface names (at most 15 bytes, IFNAMSIZ - 1).
 */
public final class Names {
    public static final int IFNAME_MAX = 15;
    public static final int LAB_MAX = 40;
    public static final int NODE_MAX = 40;

    private static final Pattern LAB = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Names() {}

    /**
     * Empty when fine, else what is wrong with it. A lab name becomes a directory under the records directory and
     * part of namespace and container names, so it can hold no '/', '.', space or control character, and never
     * starts with '-' (it would read as an option of the program it is given to). The message quotes the name
     * escaped and shortened: it stays one line whatever was given.
     */
    public static Optional<String> checkLab(String name) {
        if (name.isEmpty()) return Optional.of("the lab name is empty");
        if (name.length() > LAB_MAX) return Optional.of("lab name '" + Printable.name(name) + "' is longer than " + LAB_MAX + " characters");
        if (!LAB.matcher(name).matches()) {
            return Optional.of("lab name '" + Printable.name(name) + "' may only use letters, digits, '-' and '_', starting with a letter or digit");
        }
        return Optional.empty();
    }

    public static Optional<String> checkNode(String name) {
        if (name.isEmpty()) return Optional.of("the node name is empty");
        if (name.length() > NODE_MAX) return Optional.of("node name '" + Printable.name(name) + "' is longer than " + NODE_MAX + " characters");
        if (!NODE.matcher(name).matches()) {
            return Optional.of("node name '" + Printable.name(name) + "' may only use letters, digits, '-' and '_', starting with a letter or digit");
        }
        return Optional.empty();
    }

    /** Kernel interface names: 1 to 15 characters, no '/', ':' or spaces; "lo" is the loopback. */
    public static Optional<String> checkIfname(String name, String what) {
        if (name.length() > IFNAME_MAX) {
            return Optional.of(what + " '" + Printable.name(name) + "' is " + name.length() + " characters long; Linux allows at most " + IFNAME_MAX);
        }
        if (!IFNAME.matcher(name).matches()) {
            return Optional.of(what + " '" + Printable.name(name) + "' may only use letters, digits, '.', '-' and '_', starting with a letter or digit");
        }
        return Optional.empty();
    }
}

package netlab.routing.spec;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammars of the words a topology puts into FRR's configuration (outside the raw {@code frr:} text). FRR reads
 * its configuration line by line and splits each line into words, so a value with a newline would start a command
 * of its own, one with a space would become two arguments, and a {@code !} could start a comment: each grammar
 * leaves such values no way to change the line they are in.
 */
public final class FrrWords {
    /** Kernel interface names (IFNAMSIZ - 1 bytes); the same rule the topology applies to the interfaces it makes. */
    public static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    /** Route-map names: a letter, then letters, digits, '-' and '_'. */
    public static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
    /** A neighbour's description: words of letters, digits and {@code _ . , : / ( ) + @ -}, single spaces between. */
    public static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9_.,:/()+@-]+( [A-Za-z0-9_.,:/()+@-]+)*");
    public static final int DESCRIPTION_MAX = 80;

    private FrrWords() {}

    /** Empty when fine, else what is wrong, starting with {@code what} (what the value is, for the message). */
    public static Optional<String> checkIfname(String name, String what) {
        if (IFNAME.matcher(name).matches()) return Optional.empty();
        if (name.length() > 15 && IFNAME.matcher(name.substring(0, 15)).matches()) {
            return Optional.of(what + ": '" + name + "' is " + name.length() + " characters long; Linux allows at most 15");
        }
        return Optional.of(what + ": '" + name + "' is not an interface name: letters, digits, '.', '-' and '_', starting with a letter or digit");
    }

    public static Optional<String> checkPolicyName(String name, String what) {
        if (POLICY_NAME.matcher(name).matches()) return Optional.empty();
        return Optional.of(what + ": '" + name + "' may only use letters, digits, '-' and '_', starting with a letter (at most 63 characters)");
    }

    public static Optional<String> checkDescription(String text, String what) {
        if (text.length() <= DESCRIPTION_MAX && DESCRIPTION.matcher(text).matches()) return Optional.empty();
        if (text.length() > DESCRIPTION_MAX) return Optional.of(what + " is longer than " + DESCRIPTION_MAX + " characters");
        return Optional.of(what + ": '" + text + "' may only use letters, digits, single spaces and _ . , : / ( ) + @ -");
    }
}

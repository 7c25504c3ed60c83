package netlab.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A startup line as words, when it is plain words: no quoting, no expansion, no redirection, no second command.
 * Only such a line is translated or kept for a namespace node; anything shell-like is the shell's to interpret,
 * and the import does not guess what it would do.
 */
final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ShellWords() {}

    /** The line's words without a trailing comment, or empty when the line is more than plain words. */
    static Optional<List<String>> of(String line) {
        String t = line.strip();
        int hash = t.indexOf(" #");
        if (hash >= 0) t = t.substring(0, hash).strip();
        if (t.isEmpty()) return Optional.of(List.of());
        List<String> words = List.of(t.split("[ \\t]+"));
        return words.stream().allMatch(w -> PLAIN.matcher(w).matches()) ? Optional.of(words) : Optional.empty();
    }
}

package netlab.plan;

import netlab.source.Printable;

/**
 * A line of {@code ip}, {@code tc} or {@code bridge -batch} input, held to a grammar where it is one command and its
 * words are exactly what they look like: iproute2's batch reader splits a line at blanks, starts a comment at a word
 * beginning with {@code #} and a quoted word at {@code "}. Words of printable ASCII without quotes or backslashes,
 * none starting with {@code #} or {@code -}, and no line break: then it reads the words the record holds, no word is
 * taken for an option, and no text can add a second command. (Nothing of netlab reads these lines: the netlink runner
 * reads the records.) Validation keeps every topology value to such words; this check is the last
 * guard, so a value it missed stops the plan instead of reaching {@code ip}.
 */
public final class BatchLine {
    private BatchLine() {}

    /** The line itself, when it is one; else an IllegalArgumentException saying what is wrong. */
    public static String require(String line) {
        if (line.isEmpty()) throw new IllegalArgumentException("an empty batch line");
        for (String word : line.split(" ", -1)) {
            if (!plain(word)) {
                throw new IllegalArgumentException("batch line '" + Printable.line(line) + "' has a word iproute2 would not read"
                        + " as written: '" + Printable.line(word) + "'");
            }
        }
        return line;
    }

    /** A word iproute2's batch reader takes as it is, and that no reader takes for an option or a comment. */
    public static boolean plain(String word) {
        if (word.isEmpty() || word.charAt(0) == '#' || word.charAt(0) == '-') return false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '!' || c > '~' || c == '"' || c == '\'' || c == '\\') return false;
        }
        return true;
    }
}

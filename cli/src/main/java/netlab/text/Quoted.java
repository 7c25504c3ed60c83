package netlab.text;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A string from a topology shown so that it cannot pass for anything else in a report: in double quotes, with
 * the quote and the backslash escaped, and every character that could break or disguise a line written as an
 * escape: line breaks ({@code \n}, U+2028...), other control characters, and the invisible ones that reorder or
 * hide text (bidirectional overrides, zero-width characters, U+FEFF...). A newline in a command shows as {@code \n}
 * inside its quotes, never as a second line that looks like a second command.
 */
public final class Quoted {
    /** Characters a word may have and still be shown without quotes ({@link #word}). */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Quoted() {}

    public static String of(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (shownAsIs(cp)) sb.appendCodePoint(cp);
                    else if (cp <= 0xFFFF) sb.append("\\u").append(hex(cp, 4));
                    else sb.append("\\U").append(hex(cp, 8));
                }
            }
        });
        return sb.append('"').toString();
    }

    /** A word as it is when it is plainly one (a node name, a path, a number), else quoted: for argument lists. */
    public static String word(String s) {
        return PLAIN.matcher(s).matches() ? s : of(s);
    }

    /** An argument list, each word shown with {@link #word}. */
    public static String words(List<String> argv) {
        return argv.stream().map(Quoted::word).collect(Collectors.joining(" "));
    }

    /** Letters, marks, digits, punctuation, symbols and the plain space; not what breaks, reorders or hides text. */
    private static boolean shownAsIs(int cp) {
        if (cp == ' ') return true;
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }

    private static String hex(int cp, int digits) {
        String h = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }
}

package netlab.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes an error message fit on one readable line whatever the file held: control characters (a newline in a
 * YAML library's message, an escape sequence in a value) are shown escaped, and a word of thousands of
 * characters (a pasted blob used as a name) is shortened, keeping its start and saying how long it was.
 */
public final class Printable {
    /** A "word" longer than this is shortened to {@link #KEEP} characters. */
    static final int LONGEST_WORD = 100;
    static final int KEEP = 60;
    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (LONGEST_WORD + 1) + ",}");

    private Printable() {}

    public static String line(String message) {
        Matcher m = LONG_WORD.matcher(escaped(message));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group();
            int keep = word.offsetByCodePoints(0, Math.min(KEEP, word.codePointCount(0, word.length())));
            m.appendReplacement(out, Matcher.quoteReplacement(word.substring(0, keep) + "…(" + word.codePointCount(0, word.length())
                    + " characters)"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text with its control characters shown escaped (a newline as \\n, NUL as \\u0000), nothing shortened. */
    public static String escaped(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (invisible(cp)) sb.append(String.format("\\u%04X", cp));
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    /**
     * Characters a terminal would act on or hide rather than show: controls, line and paragraph separators, format
     * characters (a right-to-left override turns what follows around), lone surrogates, non-characters.
     */
    private static boolean invisible(int cp) {
        if (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF) return true;
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    /**
     * A name someone else chose (an argument, a mark, a directory entry), as it can be quoted in a message: escaped,
     * and cut to its first {@link #KEEP} characters with its length said when longer than {@link #LONGEST_WORD}.
     */
    public static String name(String text) {
        String e = escaped(text);
        int n = e.codePointCount(0, e.length());
        if (n <= LONGEST_WORD) return e;
        return e.substring(0, e.offsetByCodePoints(0, KEEP)) + "…(" + text.codePointCount(0, text.length()) + " characters)";
    }
}

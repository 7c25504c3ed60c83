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
        StringBuilder sb = new StringBuilder(message.length());
        message.codePoints().forEach(cp -> {
            if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (Character.isISOControl(cp) || cp == 0xFFFE || cp == 0xFFFF) sb.append(String.format("\\u%04X", cp));
            else sb.appendCodePoint(cp);
        });
        Matcher m = LONG_WORD.matcher(sb);
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
}

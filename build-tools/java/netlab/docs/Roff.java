package netlab.docs;

/** Writes roff (man(7) macros) text: escapes what roff would read as commands. */
final class Roff {
    private final StringBuilder sb = new StringBuilder();

    /** Text for a filled paragraph line; backslashes, hyphens and a leading dot or quote escaped. */
    static String text(String s) {
        String t = s.replace("\\", "\\e").replace("-", "\\-");
        if (t.startsWith(".") || t.startsWith("'")) t = "\\&" + t;
        return t;
    }

    static String bold(String s) {
        return "\\fB" + text(s) + "\\fR";
    }

    static String italic(String s) {
        return "\\fI" + text(s) + "\\fR";
    }

    Roff macro(String name, String... args) {
        sb.append('.').append(name);
        for (String a : args) sb.append(' ').append(a.contains(" ") || a.isEmpty() ? "\"" + a.replace("\"", "\\(dq") + "\"" : a);
        sb.append('\n');
        return this;
    }

    /** A line of already escaped roff text. */
    Roff line(String roffText) {
        sb.append(roffText).append('\n');
        return this;
    }

    /** A line of plain text, escaped. */
    Roff plain(String s) {
        return line(text(s));
    }

    /** Lines kept as written (examples, tables). */
    Roff preformatted(Iterable<String> lines) {
        macro("nf");
        for (String l : lines) line(l.isEmpty() ? "" : text(l));
        macro("fi");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}

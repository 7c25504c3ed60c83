package netlab.yaml;

import java.util.regex.Pattern;

/**
 * Writes a {@link YNode} tree back as YAML that reads back to the same tree (types included): block style, every
 * string double-quoted with its control, format and other invisible characters escaped, so no value can end its line,
 * open a key or hide what it is. Used to show an expanded topology and to keep it in a lab's record.
 */
public final class YamlWriter {
    /** Keys written bare: names as netlab and its users write them. Anything else is quoted. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {}

    public static String write(YNode root) {
        YamlWriter w = new YamlWriter();
        if (isCompact(root)) w.out.append(inline(root)).append('\n');
        else w.block(root, 0);
        return w.out.toString();
    }

    private void block(YNode node, int indent) {
        if (node instanceof YMap m) {
            for (YMap.Entry e : m.entries()) {
                String key = "  ".repeat(indent) + key(e.key());
                if (isCompact(e.value())) out.append(key).append(": ").append(inline(e.value())).append('\n');
                else {
                    out.append(key).append(":\n");
                    block(e.value(), indent + 1);
                }
            }
        } else if (node instanceof YSeq s) {
            for (YNode item : s.items()) {
                if (isCompact(item)) {
                    out.append("  ".repeat(indent)).append("- ").append(inline(item)).append('\n');
                    continue;
                }
                // the item's block one level deeper, its first line's indentation replaced by the dash
                YamlWriter inner = new YamlWriter();
                inner.block(item, indent + 1);
                out.append("  ".repeat(indent)).append("- ").append(inner.out.substring(2 * (indent + 1)));
            }
        } else {
            out.append("  ".repeat(indent)).append(scalar((YScalar) node)).append('\n');
        }
    }

    /** A scalar, or a short list or mapping of scalars: written on one line, in flow style. */
    private static boolean isCompact(YNode n) {
        if (n instanceof YScalar) return true;
        boolean scalarsOnly = n instanceof YMap m ? m.entries().stream().allMatch(e -> e.value() instanceof YScalar)
                : ((YSeq) n).items().stream().allMatch(i -> i instanceof YScalar);
        return scalarsOnly && inline(n).length() <= FLOW_WIDTH;
    }

    private static final int FLOW_WIDTH = 80;

    private static String inline(YNode n) {
        if (n instanceof YScalar s) return scalar(s);
        StringBuilder b = new StringBuilder();
        if (n instanceof YMap m) {
            for (YMap.Entry e : m.entries()) b.append(b.length() == 0 ? "" : ", ").append(key(e.key())).append(": ").append(inline(e.value()));
            return "{" + b + "}";
        }
        for (YNode i : ((YSeq) n).items()) b.append(b.length() == 0 ? "" : ", ").append(inline(i));
        return "[" + b + "]";
    }

    private static String key(YScalar k) {
        return k.type() == YScalar.Type.STR && PLAIN_KEY.matcher(k.value()).matches() && !reserved(k.value()) ? k.value() : scalar(k);
    }

    /** Words YAML 1.2's core schema would read as something other than a string. */
    private static boolean reserved(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "false", "null", "~", "y", "n", "yes", "no", "on", "off" -> true;
            default -> false;
        };
    }

    static String scalar(YScalar s) {
        return switch (s.type()) {
            case STR -> quote(s.value());
            case NULL -> "null";
            // numbers and booleans as the loader resolved them: written as read, they resolve the same way again
            case INT, FLOAT, BOOL -> s.value();
        };
    }

    /** A YAML double-quoted scalar: JSON's escapes, which YAML 1.2 reads the same; nothing invisible left as is. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    int type = Character.getType(cp);
                    boolean odd = cp < 0x20 || cp >= 0x7f && cp < 0xa0 || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                            || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.PRIVATE_USE
                            || type == Character.UNASSIGNED || cp == 0xFEFF;
                    if (!odd) b.appendCodePoint(cp);
                    else if (cp <= 0xFFFF) b.append(String.format("\\u%04x", cp));
                    else b.append(String.format("\\U%08x", cp));
                }
            }
        });
        return b.append('"').toString();
    }
}

package netlab.testing;

import java.util.List;

/**
 * Names someone else chose, as netlab may be handed them (an argument, a file's {@code name}, a mark, a label, a
 * directory entry): each must be refused or ignored in one line, and reach no path, namespace or program.
 */
public final class HostileNames {
    private HostileNames() {}

    /**
     * Each is no lab name and no node name. None names a real directory of the machine: these tests run as root, and
     * should a check regress, a name that reached a path would be deleted (a corpus with "/etc" in it once deleted
     * /etc when run against the unfixed code). Absolute and climbing names point at places that do not exist; the
     * tests add the names that reach their own victim directory inside their temporary directory.
     */
    public static final List<String> ALL = List.of(
            ".", "..", "../..", "../../../netlab-test-nonexistent/victim", "/netlab-test-nonexistent/victim", "a/b", "a/../b", "./a",
            "-rf", "-", "--all", "a b", "a\nb", "a\nnetlab: lab 'x' removed", "a\rb", "a\tb", "a\u0000b", "\u001b[31mred",
            "x".repeat(41), "x".repeat(5000), "a ".repeat(3000), "é", "lab\u202Eevil", "ла6", "😀", "", " ", "a.b", "a:b", "*", "$(id)", "`id`", "a;b");

    /** How a test names a case (the names themselves would garble a report). */
    public static String describe(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().limit(60).forEach(cp -> {
            if (cp == ' ') sb.append('␠');
            else if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.FORMAT) sb.append(String.format("\\u%04X", cp));
            else sb.appendCodePoint(cp);
        });
        return name.length() > 60 ? sb + "…(" + name.length() + ")" : sb.toString();
    }
}

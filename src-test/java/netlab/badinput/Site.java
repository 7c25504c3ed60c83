package netlab.badinput;

import java.util.List;

/**
 * One node of a seed's YAML tree with where its text is (code point offsets, end exclusive), so a generator can
 * replace exactly that value or key and leave the rest of the file as it was.
 *
 * @param path   the keys and list indexes that lead to it ("nodes", "r1", "interfaces"...; "[0]" for list items)
 * @param isKey  the key of a mapping entry rather than a value
 * @param flow   written in flow style ({@code {a: 1}}, {@code [a, b]}) rather than as indented lines
 * @param quoted a scalar in quotes
 * @param value  the scalar's text (empty for collections)
 */
record Site(List<String> path, Kind kind, boolean isKey, boolean flow, boolean quoted, int start, int end, String value) {
    enum Kind { SCALAR, SEQUENCE, MAPPING }

    /** The key this value is stored under (for a list item: the list's key); empty at the top. */
    String key() {
        for (int i = path.size() - 1; i >= 0; i--) if (!path.get(i).startsWith("[")) return path.get(i);
        return "";
    }

    /** Is this a list item (its own path element is an index)? */
    boolean isItem() {
        return !path.isEmpty() && path.get(path.size() - 1).startsWith("[");
    }

    /** The path element {@code n} places up (0 = its own), or "" above the top. */
    String up(int n) {
        int i = path.size() - 1 - n;
        return i >= 0 ? path.get(i) : "";
    }

    boolean under(String key) {
        return path.subList(0, Math.max(0, path.size() - 1)).contains(key);
    }

    /** Inside a mapping whose keys the user chooses freely (environment, labels, sysctls): any key is fine there. */
    boolean inFreeFormMap() {
        return List.of("environment", "labels", "sysctls").contains(up(1));
    }

    /** A name the user chose (a node, switch, interface or container name), as a key. */
    boolean isNameKey() {
        if (!isKey) return false;
        String parent = up(1);
        return List.of("nodes", "switches", "interfaces", "containers").contains(parent);
    }

    String where() {
        return String.join(".", path) + (isKey ? " (key)" : "");
    }
}

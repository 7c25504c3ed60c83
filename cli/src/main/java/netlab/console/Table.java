package netlab.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns as wide as their widest cell. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public void row(String... cells) {
        rows.add(cells);
    }

    public int size() {
        return rows.size() - 1;
    }

    public void print(PrintStream out) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) for (int i = 0; i < cols && i < r.length; i++) w[i] = Math.max(w[i], r[i] == null ? 0 : r[i].length());
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String c = i < r.length && r[i] != null ? r[i] : "";
                sb.append(i == cols - 1 ? c : String.format("%-" + (w[i] + 2) + "s", c));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}

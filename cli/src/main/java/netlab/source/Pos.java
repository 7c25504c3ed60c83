package netlab.source;

/** A position in a source file, printed as {@code file:line:col} (1-based, like compilers do). */
public record Pos(String file, int line, int col) implements Comparable<Pos> {

    public static Pos unknown(String file) {
        return new Pos(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + col : file;
    }

    @Override
    public int compareTo(Pos o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(col, o.col);
    }
}

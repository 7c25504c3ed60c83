package netlab.importing;

/**
 * Something of a peer's lab the import could not express, so it is said rather than dropped: where it was (a file
 * and line, or a device), what it was, and why.
 */
public record Unimported(String where, String what, String why) {
    @Override
    public String toString() {
        return where + ": " + what + " (" + why + ")";
    }
}

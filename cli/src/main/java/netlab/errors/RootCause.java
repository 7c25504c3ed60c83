package netlab.errors;

/** The innermost cause of a failure: what an error line names (wrappers such as initializer errors say little). */
public final class RootCause {
    private RootCause() {}

    public static Throwable of(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root;
    }
}

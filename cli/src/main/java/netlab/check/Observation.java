package netlab.check;

/**
 * What one attempt saw. {@code ok} means the probe did what it tests for (replies came, the entry is there); the
 * runner compares it with what the check expects.
 */
public record Observation(boolean ok, String detail) {
    public static Observation ok(String detail) {
        return new Observation(true, detail);
    }

    public static Observation notOk(String detail) {
        return new Observation(false, detail);
    }
}

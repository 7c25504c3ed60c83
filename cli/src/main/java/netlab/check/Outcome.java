package netlab.check;

import netlab.topology.Expect;

/**
 * How a check ended. A check passes when what it saw is what it expects and fails when it is not; a check whose
 * probe could not run saw nothing, so it neither passes nor fails, whatever it expects: an expected failure must
 * never pass because the probe never ran.
 */
public enum Outcome {
    PASSED("passed", "PASS"),
    FAILED("failed", "FAIL"),
    COULD_NOT_RUN("error", "ERROR");

    private final String word;
    private final String mark;

    Outcome(String word, String mark) {
        this.word = word;
        this.mark = mark;
    }

    /** In JSON reports: passed, failed, error. */
    public String word() {
        return word;
    }

    /** In the report for people: PASS, FAIL, ERROR. */
    public String mark() {
        return mark;
    }

    public static Outcome of(Observation seen, Expect expect) {
        if (!seen.ran()) return COULD_NOT_RUN;
        return seen.ok() == (expect == Expect.SUCCESS) ? PASSED : FAILED;
    }

    /** The detail a result shows: what was seen, said in the light of what was expected. */
    public String detail(Observation seen, Expect expect) {
        return switch (this) {
            case COULD_NOT_RUN -> "could not run: " + seen.detail();
            case PASSED -> (expect == Expect.FAILURE ? "failed as expected: " : "") + seen.detail();
            case FAILED -> (expect == Expect.FAILURE ? "expected to fail, but succeeded: " : "") + seen.detail();
        };
    }
}

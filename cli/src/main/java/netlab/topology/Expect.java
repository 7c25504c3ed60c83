package netlab.topology;

/** What a check expects: that the probe succeeds, or that it is blocked (proving a filter or an isolation). */
public enum Expect {
    SUCCESS, FAILURE;

    public String word() {
        return name().toLowerCase();
    }
}

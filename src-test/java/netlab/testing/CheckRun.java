package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.json.Json;

/**
 * What one {@code netlab check --json} (or {@code test --json}) reported: the outcome of each check by name, the exit
 * code and the whole output, for assertions that say which check ended how.
 */
public record CheckRun(Cli.Result result, Map<String, Map<String, Object>> checks) {

    /** Reads the JSON report on the result's stdout. */
    public static CheckRun of(Cli.Result r) {
        Object doc;
        try {
            doc = Json.parse(r.out());
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON report: " + r, e);
        }
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        if (doc instanceof Map<?, ?> m && m.get("checks") instanceof List<?> l) {
            for (Object o : l) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) o;
                byName.put((String) c.get("name"), c);
            }
        }
        return new CheckRun(r, byName);
    }

    public int exitCode() {
        return result.exitCode();
    }

    /** passed, failed or error. */
    public String outcome(String check) {
        assertThat(checks).as(result.toString()).containsKey(check);
        return (String) checks.get(check).get("outcome");
    }

    public String detail(String check) {
        assertThat(checks).as(result.toString()).containsKey(check);
        return (String) checks.get(check).get("detail");
    }

    /** Every check's outcome, by name, in report order. */
    public Map<String, String> outcomes() {
        Map<String, String> out = new LinkedHashMap<>();
        checks.forEach((n, c) -> out.put(n, (String) c.get("outcome")));
        return out;
    }

    @Override
    public String toString() {
        return result.toString();
    }
}

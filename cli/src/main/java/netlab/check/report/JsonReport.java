package netlab.check.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.check.CheckResult;
import netlab.json.Json;

/**
 * Check results as one JSON document on stdout, for scripts. Each check's {@code outcome} is passed, failed or
 * error (it could not run); {@code exitCode} is what netlab exits with for the lab; a lab that never got to its
 * checks has {@code error} (its one line and exit code) and no checks.
 */
public final class JsonReport {
    private JsonReport() {}

    public static String render(CheckReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lab", report.lab());
        doc.put("passed", report.passed());
        doc.put("failed", report.failed());
        doc.put("errors", report.errors());
        doc.put("exitCode", report.exitCode());
        doc.put("durationMs", report.took().toMillis());
        report.labError().ifPresent(e -> {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("message", e.message());
            err.put("exitCode", e.exitCode());
            doc.put("error", err);
        });
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.name());
            c.put("kind", r.kind());
            c.put("expect", r.expect().word());
            c.put("outcome", r.outcome().word());
            c.put("passed", r.passed());
            c.put("attempts", r.attempts());
            c.put("durationMs", r.took().toMillis());
            c.put("detail", r.detail());
            checks.add(c);
        }
        doc.put("checks", checks);
        return Json.write(doc);
    }
}

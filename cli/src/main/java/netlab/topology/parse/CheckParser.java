package netlab.topology.parse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.check.CheckBody;
import netlab.check.CheckKind;
import netlab.check.CheckKinds;
import netlab.check.Sharing;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.topology.CheckSpec;
import netlab.topology.Expect;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/**
 * Reads one check: exactly one kind key ({@code ping:}, {@code exec:}…) holding the probe's settings, plus the
 * common keys {@code name}, {@code expect}, {@code timeout}, {@code retries}, {@code interval}, {@code alone}.
 */
final class CheckParser {
    static final Set<String> COMMON = Set.of("name", "expect", "timeout", "retries", "interval", "alone");

    private CheckParser() {}

    static Optional<CheckSpec> parse(YNode item, Diagnostics d) {
        Optional<YMap> m = Fields.asMap(item, d, "a check");
        if (m.isEmpty()) return Optional.empty();
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(CheckKinds.keys());
        List<YMap.Entry> kinds = m.get().entries().stream().filter(e -> CheckKinds.keys().contains(e.key().value())).toList();
        Fields f = Fields.of(m.get(), d, "a check", allowed);
        if (kinds.isEmpty()) {
            String unknownKind = m.get().entries().stream().map(e -> e.key().value())
                    .filter(k -> !COMMON.contains(k)).findFirst().orElse(null);
            if (unknownKind == null) {
                d.error(m.get().pos(), "a check needs one kind: " + String.join(", ", CheckKinds.keys()));
            }
            return Optional.empty();
        }
        if (kinds.size() > 1) {
            d.error(kinds.get(1).key().pos(), "a check has one kind; this one has both '" + kinds.get(0).key().value()
                    + "' and '" + kinds.get(1).key().value() + "' (make two checks)");
        }
        YMap.Entry kindEntry = kinds.get(0);
        CheckKind kind = CheckKinds.get(kindEntry.key().value());
        String where = "the " + kind.key() + " check";
        YMap body = Fields.asMap(kindEntry.value(), d, "'" + kind.key() + "'").orElse(new YMap(List.of(), kindEntry.value().pos()));
        CheckBody probe = kind.parse(Fields.of(body, d, where, kind.fields()));

        Expect expect = f.string("expect").map(e -> switch (e) {
            case "success" -> Expect.SUCCESS;
            case "failure" -> Expect.FAILURE;
            default -> {
                d.error(f.posOf("expect"), "'expect' must be success or failure, not '" + e + "'"
                        + Suggest.hint(e, Set.of("success", "failure")));
                yield Expect.SUCCESS;
            }
        }).orElse(Expect.SUCCESS);
        Duration timeout = f.duration("timeout", Duration.ofMinutes(10)).orElse(probe.defaultTimeout());
        if (timeout.isZero()) d.error(f.posOf("timeout"), "'timeout' must be more than 0");
        int retries = (int) f.integer("retries", 0, 0, 100);
        Duration interval = f.duration("interval", Duration.ofMinutes(1)).orElse(Duration.ofMillis(500));
        String name = f.string("name").orElse(probe.describe());
        Sharing sharing = probe.sharing();
        if (f.has("alone")) {
            if (f.bool("alone", false)) {
                sharing = Sharing.ALONE;
            } else if (probe.whenNotAlone().isPresent()) {
                sharing = probe.whenNotAlone().get();
            } else {
                d.error(f.posOf("alone"), "'alone: false' cannot be given to the " + kind.key() + " check: it always runs alone ("
                        + (kind.key().equals("capture") ? "it watches a window of time, in which other checks' frames would be seen"
                        : "it changes the lab while it runs") + ")");
            }
        }
        return Optional.of(new CheckSpec(name, probe, expect, timeout, retries, interval, m.get().pos(), sharing));
    }
}

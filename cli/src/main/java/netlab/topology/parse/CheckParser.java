package netlab.topology.parse;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import netlab.check.CheckBody;
import netlab.check.CheckKind;
import netlab.check.CheckSpec;
import netlab.check.NestedProbes;
import netlab.check.Sharing;
import netlab.kind.KindEntry;
import netlab.kind.Registry;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.topology.Expect;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;

/**
 * Reads one check: exactly one kind key ({@code ping:}, {@code exec:}…) holding the probe's settings, plus the
 * common keys {@code name}, {@code expect}, {@code timeout}, {@code retries}, {@code interval}, {@code alone}; and the
 * probes a check holds inside (a capture's {@code during}), which are exactly one kind each.
 */
public final class CheckParser implements NestedProbes {
    static final Set<String> COMMON = Set.of("name", "expect", "timeout", "retries", "interval", "alone");

    private final Registry<CheckKind> kinds;

    private CheckParser(Registry<CheckKind> kinds) {
        this.kinds = kinds;
    }

    public static Optional<CheckSpec> parse(YNode item, Diagnostics d, Registry<CheckKind> kinds) {
        return new CheckParser(kinds).check(item, d);
    }

    private Optional<CheckSpec> check(YNode item, Diagnostics d) {
        Optional<YMap> m = Fields.asMap(item, d, "a check");
        if (m.isEmpty()) return Optional.empty();
        Set<String> allowed = new TreeSet<>(COMMON);
        allowed.addAll(kinds.keys());
        Fields f = Fields.of(m.get(), d, "a check", allowed);
        Optional<KindEntry<CheckKind>> entry = KindEntry.among(m.get(), COMMON, "a check", "checks", kinds, d);
        if (entry.isEmpty()) return Optional.empty();
        CheckKind kind = entry.get().kind();
        CheckBody probe = kind.parse(Fields.of(entry.get().body(), d, "the " + kind.key() + " check", kind.fields()), this);

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

    @Override
    public Optional<CheckBody> read(YMap m, String field, String example, Diagnostics d) {
        return KindEntry.only(m, field, "'" + field + "' holds one probe, such as " + example, kinds, d)
                .map(e -> e.kind().parse(Fields.of(e.body(), d, "the " + e.key() + " in '" + field + "'", e.kind().fields()), this));
    }
}

package netlab.graph;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a picture says about a node beyond its interfaces, read from its kind's settings record, so kinds added
 * later show without edits here: the image it runs (a container), and the members it holds (a pod's containers,
 * each with its image), one row each.
 */
final class KindFacts {
    private KindFacts() {}

    static List<LabGraph.Row> rows(Object kindSpec) {
        List<LabGraph.Row> rows = new ArrayList<>();
        if (kindSpec == null || !kindSpec.getClass().isRecord()) return rows;
        image(kindSpec).ifPresent(i -> rows.add(new LabGraph.Row("kind:image", "image", i, false)));
        for (RecordComponent c : kindSpec.getClass().getRecordComponents()) {
            if (!(value(kindSpec, c) instanceof Map<?, ?> members) || members.isEmpty()) continue;
            if (!members.values().stream().allMatch(v -> v != null && v.getClass().isRecord())) continue; // labels, env…
            String what = singular(c.getName());
            for (Map.Entry<?, ?> e : members.entrySet()) {
                rows.add(new LabGraph.Row("member:" + e.getKey(), what + " " + e.getKey(), image(e.getValue()).orElse(""), false));
            }
        }
        return rows;
    }

    /** An {@code image} setting, on the record itself or one level down (a settings record). */
    private static Optional<String> image(Object spec) {
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            Object v = value(spec, c);
            if (c.getName().equals("image") && v != null) return Optional.of(v instanceof Optional<?> o ? o.map(String::valueOf).orElse("") : String.valueOf(v)).filter(x -> !x.isBlank());
        }
        for (RecordComponent c : spec.getClass().getRecordComponents()) {
            Object v = value(spec, c);
            if (v != null && v.getClass().isRecord() && !(v instanceof netlab.source.Pos)) {
                for (RecordComponent d : v.getClass().getRecordComponents()) {
                    Object w = value(v, d);
                    if (d.getName().equals("image") && w != null) return Optional.of(String.valueOf(w)).filter(x -> !x.isBlank());
                }
            }
        }
        return Optional.empty();
    }

    private static Object value(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}

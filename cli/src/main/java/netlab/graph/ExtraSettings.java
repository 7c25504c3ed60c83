package netlab.graph;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings that other parts of netlab add to links, interfaces and switches (VLANs on a switch port, an
 * impairment on a link…), read from the record as whatever describes itself ({@code describe()}), so a picture
 * shows them without edits here. The components a picture already draws are named in {@code known}.
 */
final class ExtraSettings {
    private ExtraSettings() {}

    static String of(Object record, Set<String> known) {
        if (record == null || !record.getClass().isRecord()) return "";
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (known.contains(c.getName())) continue;
            Object v;
            try {
                v = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (v instanceof Optional<?> o) v = o.orElse(null);
            describe(v).filter(s -> !s.isBlank()).ifPresent(parts::add);
        }
        return String.join(" ", parts);
    }

    private static Optional<String> describe(Object v) {
        if (v == null) return Optional.empty();
        try {
            Method m = v.getClass().getMethod("describe");
            if (m.getReturnType() == String.class) return Optional.ofNullable((String) m.invoke(v));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // nothing that describes itself: left out of the picture
        }
        return Optional.empty();
    }
}

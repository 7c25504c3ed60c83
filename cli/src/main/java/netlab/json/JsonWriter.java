package netlab.json;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Optional;

/**
 * Writes maps, lists, records, strings, numbers, booleans, enums, Optionals and null as indented JSON (records
 * by their components, so report types stay plain records).
 */
public final class JsonWriter {
    private final StringBuilder sb = new StringBuilder();

    private JsonWriter() {}

    public static String write(Object value) {
        JsonWriter w = new JsonWriter();
        w.value(value, 0);
        return w.sb.toString();
    }

    private void value(Object v, int indent) {
        if (v instanceof Optional<?> o) v = o.orElse(null);
        if (v == null) sb.append("null");
        else if (v instanceof String s) string(s);
        else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) sb.append(v);
        else if (v instanceof Number n) number(n);
        else if (v instanceof Enum<?> e) string(e.name().toLowerCase());
        else if (v instanceof Map<?, ?> m) object(m, indent);
        else if (v instanceof Iterable<?> it) array(it, indent);
        else if (v.getClass().isRecord()) record(v, indent);
        else string(v.toString());
    }

    private void number(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) sb.append("null");
        else sb.append(n);
    }

    private void object(Map<?, ?> m, int indent) {
        if (m.isEmpty()) { sb.append("{}"); return; }
        sb.append("{\n");
        int n = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            pad(indent + 1);
            string(String.valueOf(e.getKey()));
            sb.append(": ");
            value(e.getValue(), indent + 1);
            sb.append(++n < m.size() ? ",\n" : "\n");
        }
        pad(indent);
        sb.append('}');
    }

    private void array(Iterable<?> it, int indent) {
        if (!it.iterator().hasNext()) { sb.append("[]"); return; }
        sb.append("[\n");
        boolean first = true;
        for (Object o : it) {
            if (!first) sb.append(",\n");
            first = false;
            pad(indent + 1);
            value(o, indent + 1);
        }
        sb.append('\n');
        pad(indent);
        sb.append(']');
    }

    private void record(Object r, int indent) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                m.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
        object(m, indent);
    }

    private void string(String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private void pad(int indent) {
        sb.append("  ".repeat(indent));
    }
}

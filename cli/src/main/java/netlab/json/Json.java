package netlab.json;

import java.util.List;
import java.util.Map;

/** JSON in and out: iproute2's {@code -j} output, the lab state file, {@code --json} reports. */
public final class Json {
    private Json() {}

    /** iproute2 prints a JSON array of objects; anything unreadable counts as no rows. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(String text) {
        if (text == null || text.isBlank()) return List.of();
        try {
            Object v = JsonReader.parse(text);
            if (!(v instanceof List<?> l)) return List.of();
            for (Object o : l) if (!(o instanceof Map)) return List.of();
            return (List<Map<String, Object>>) v;
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** Parses a document; throws IllegalArgumentException (with the offset) when it is not JSON. */
    public static Object parse(String text) {
        return JsonReader.parse(text);
    }

    public static String write(Object value) {
        return JsonWriter.write(value);
    }
}

package netlab.routing.observe;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.json.Json;

/**
 * Reading FRR's JSON strictly: an answer that is not JSON, or lacks a field netlab relies on, is an error (the
 * check that asked must not read it as "nothing there"); fields FRR only prints sometimes are optional.
 */
final class JsonFields {
    private final FrrShow question;

    JsonFields(FrrShow question) {
        this.question = question;
    }

    Map<String, Object> object(String json) {
        Object v;
        try {
            v = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw bad("not JSON (" + e.getMessage() + ")");
        }
        return object(v, "the answer");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object v, String what) {
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw bad(what + " is not an object");
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object v, String what) {
        if (v instanceof List<?> l) return (List<Object>) l;
        throw bad(what + " is not a list");
    }

    String string(Map<String, Object> o, String key, String what) {
        if (o.get(key) instanceof String s) return s;
        throw bad(what + " has no '" + key + "'");
    }

    Optional<String> optionalString(Map<String, Object> o, String key) {
        return o.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    long number(Map<String, Object> o, String key, String what) {
        if (o.get(key) instanceof Number n) return n.longValue();
        throw bad(what + " has no number '" + key + "'");
    }

    long number(Map<String, Object> o, String key, long dflt) {
        return o.get(key) instanceof Number n ? n.longValue() : dflt;
    }

    boolean flag(Map<String, Object> o, String key) {
        return Boolean.TRUE.equals(o.get(key));
    }

    FrrQueryException bad(String why) {
        return new FrrQueryException("FRR's answer to '" + question.command() + "' is not what netlab reads: " + why);
    }
}

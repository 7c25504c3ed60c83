package netlab.yaml;

import netlab.source.Pos;

/**
 * A scalar with its resolved YAML 1.2 core-schema type ({@code str}, {@code int}, {@code float}, {@code bool},
 * {@code null}). Quoted scalars are always {@code str}.
 */
public record YScalar(String value, Type type, Pos pos) implements YNode {
    public enum Type { STR, INT, FLOAT, BOOL, NULL }

    @Override
    public String describe() {
        return switch (type) {
            case STR -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "nothing (null)";
        };
    }

    public boolean isNull() {
        return type == Type.NULL;
    }
}

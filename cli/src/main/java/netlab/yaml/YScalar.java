package netlab.yaml;

import netlab.source.Pos;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

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

    /**
     * The text as a plain (unquoted) YAML scalar would be typed by YAML 1.2's core schema: "65001" an integer,
     * "true" a boolean, "10.0.0.1/24" a string. For values given outside a file ({@code --set name=value}).
     */
    public static YScalar plain(String text, Pos pos) {
        Tag tag = new CoreSchema().getScalarResolver().resolve(text, true);
        Type type = Tag.INT.equals(tag) ? Type.INT : Tag.FLOAT.equals(tag) ? Type.FLOAT : Tag.BOOL.equals(tag) ? Type.BOOL
                : Tag.NULL.equals(tag) ? Type.NULL : Type.STR;
        return new YScalar(text, type, pos);
    }

    /** The same value written somewhere else (a variable's value where it is used). */
    public YScalar at(Pos where) {
        return new YScalar(value, type, where);
    }

    public boolean isNull() {
        return type == Type.NULL;
    }
}

package netlab.routing.spec;

/**
 * What AS a neighbour is in: a number, or FRR's {@code internal} (the node's own AS) or {@code external} (any other).
 *
 * @param number the AS number when {@code kind} is {@link Kind#NUMBER}, else 0
 */
public record RemoteAs(Kind kind, long number) {
    public enum Kind { NUMBER, INTERNAL, EXTERNAL }

    public static RemoteAs number(long as) {
        return new RemoteAs(Kind.NUMBER, as);
    }

    public static final RemoteAs INTERNAL = new RemoteAs(Kind.INTERNAL, 0);
    public static final RemoteAs EXTERNAL = new RemoteAs(Kind.EXTERNAL, 0);

    /** As FRR takes it after {@code remote-as}. */
    public String frr() {
        return switch (kind) {
            case NUMBER -> Long.toString(number);
            case INTERNAL -> "internal";
            case EXTERNAL -> "external";
        };
    }

    /** Whether a session to this AS, from a node in {@code ownAs}, is iBGP. */
    public boolean isInternalTo(long ownAs) {
        return kind == Kind.INTERNAL || (kind == Kind.NUMBER && number == ownAs);
    }

    @Override
    public String toString() {
        return frr();
    }
}

package netlab.source;

/** A value as the user wrote it, with where they wrote it. */
public record Located(String text, Pos pos) {}

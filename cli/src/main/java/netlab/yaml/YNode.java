package netlab.yaml;

import netlab.source.Pos;

/** A YAML node that remembers where it was written, so every error can point at it. */
public sealed interface YNode permits YMap, YSeq, YScalar {
    Pos pos();

    /** What a user would call this kind of value in an error message. */
    String describe();
}

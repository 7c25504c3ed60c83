package netlab.routing.spec;

import netlab.source.Pos;

/**
 * FRR configuration text written by the user, appended as is after the generated configuration. It is the one
 * string netlab does not reduce to a safe grammar: it is FRR configuration by definition. What netlab still refuses
 * in it (see {@link RawFrrRules}) is what would make FRR write outside the lab or need a daemon netlab does not run.
 *
 * @param pos where the text starts in the topology (the value of {@code frr:})
 */
public record RawFrr(String text, Pos pos) {}

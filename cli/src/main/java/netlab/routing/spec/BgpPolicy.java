package netlab.routing.spec;

import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.source.Pos;

/**
 * A route policy a neighbour applies to the routes it receives (import) or sends (export); becomes an FRR
 * route-map of the same name that sets these attributes on every route.
 *
 * @param name            a safe name (see {@link FrrWords#POLICY_NAME})
 * @param localPreference LOCAL_PREF to set (higher wins inside the AS)
 * @param prepend         how many times to prepend the node's own AS to the AS path (a longer path loses)
 */
public record BgpPolicy(String name, OptionalLong localPreference, OptionalInt prepend, Pos pos) {}

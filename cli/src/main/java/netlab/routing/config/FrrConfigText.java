package netlab.routing.config;

import java.util.Optional;
import netlab.routing.spec.RawFrr;

/**
 * One node's integrated FRR configuration ({@code frr.conf}), and where its raw part starts, so a line FRR refuses
 * can be traced back to the topology.
 *
 * @param rawFirstLine the line (1-based) of {@code text} where the raw {@code frr:} text starts; 0 without one
 */
public record FrrConfigText(String node, String text, int rawFirstLine, Optional<RawFrr> raw) {

    /**
     * Where line {@code line} of the text came from, for a message about it: "line 3 of the frr text of node 'r1'
     * (t.yaml:12:8)" or "line 14 of the configuration netlab generated for node 'r1'".
     */
    public String origin(int line) {
        if (raw.isPresent() && rawFirstLine > 0 && line >= rawFirstLine) {
            return "line " + (line - rawFirstLine + 1) + " of the frr text of node '" + node + "' (" + raw.get().pos() + ")";
        }
        return "line " + line + " of the configuration netlab generated for node '" + node + "'";
    }
}

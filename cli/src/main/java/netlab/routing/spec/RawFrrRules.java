package netlab.routing.spec;

import java.util.List;
import java.util.Set;
import netlab.source.Diagnostics;

/**
 * What netlab refuses in the raw {@code frr:} text, although it is the user's FRR configuration: commands that would
 * make a daemon write outside the lab's work directory ({@code log ...}: netlab gives every daemon its log file;
 * {@code dump ...}: BGP MRT dumps to a path), and routing protocols whose daemon netlab does not start (their lines
 * would be dropped without a word by vtysh, which only sends a command to a daemon that runs).
 */
public final class RawFrrRules {
    /** The {@code router X} blocks the daemons netlab starts understand. */
    public static final Set<String> ROUTERS = Set.of("ospf", "bgp", "rip", "ripng", "ospf6");

    private RawFrrRules() {}

    public static void check(RawFrr raw, String node, Diagnostics d) {
        List<String> lines = raw.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = "line " + (i + 1) + " of the frr text of node '" + node + "'";
            if (line.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
                d.error(raw.pos(), where + " has a control character; FRR configuration is plain text");
                continue;
            }
            String[] words = line.strip().split("\\s+");
            String first = words[0];
            if (first.equals("log")) {
                d.error(raw.pos(), where + ": '" + line.strip() + "': netlab sets each daemon's log (a file in the lab's work directory); a"
                        + " 'log' command could make it write elsewhere");
            } else if (first.equals("dump")) {
                d.error(raw.pos(), where + ": '" + line.strip() + "': BGP dumps write files where they say; netlab keeps FRR's files in the"
                        + " lab's work directory");
            } else if (first.equals("router") && words.length > 1 && !ROUTERS.contains(words[1])) {
                d.error(raw.pos(), where + ": 'router " + words[1] + "' needs a daemon netlab does not run (it runs zebra, staticd, ospfd,"
                        + " bgpd, ripd, ripngd and ospf6d)");
            }
        }
    }

    /**
     * Whether the raw text configures {@code router <protocol>}, so the protocol's daemon must run. FRR reads its
     * configuration by context, not by indentation: a {@code router} line anywhere opens the block.
     */
    public static boolean configures(RawFrr raw, String protocol) {
        return raw.text().lines().anyMatch(l -> {
            String[] w = l.strip().split("\\s+");
            return w.length > 1 && w[0].equals("router") && w[1].equals(protocol);
        });
    }
}

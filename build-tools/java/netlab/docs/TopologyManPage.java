package netlab.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * netlab-topology(5) from the topology reference ({@code netlab help topology}): headings in capitals become
 * sections, text at the margin is filled, indented blocks (examples, key lists) are kept as written.
 */
final class TopologyManPage {
    private TopologyManPage() {}

    static String render(String reference) {
        Roff r = new Roff();
        r.line(".\\\" Generated from the topology reference (netlab help topology) by the build; do not edit.");
        r.macro("TH", "NETLAB-TOPOLOGY", "5", "", "netlab", "netlab manual");
        r.macro("SH", "NAME").plain("netlab-topology - the YAML file that describes a netlab lab");
        List<String> lines = reference.lines().toList();
        int start = !lines.isEmpty() && lines.get(0).equals(lines.get(0).toUpperCase()) ? 1 : 0;
        r.macro("SH", "DESCRIPTION");
        List<String> block = new ArrayList<>();
        for (String l : lines.subList(start, lines.size())) {
            boolean indented = l.startsWith(" ");
            if (!indented && !l.isBlank() && !block.isEmpty()) flush(r, block);
            if (indented || (l.isBlank() && !block.isEmpty())) {
                block.add(l);
            } else if (l.isBlank()) {
                r.macro("PP");
            } else if (isHeading(l)) {
                r.macro("SH", l.strip());
            } else {
                r.plain(l);
            }
        }
        if (!block.isEmpty()) flush(r, block);
        r.macro("SH", "SEE ALSO").plain("netlab(1), netlab-validate(1), netlab-up(1)");
        return r.toString();
    }

    private static void flush(Roff r, List<String> block) {
        while (!block.isEmpty() && block.get(block.size() - 1).isBlank()) block.remove(block.size() - 1);
        if (!block.isEmpty()) {
            r.macro("PP");
            r.preformatted(block);
        }
        block.clear();
        r.macro("PP");
    }

    private static boolean isHeading(String l) {
        return l.equals(l.toUpperCase()) && l.chars().anyMatch(Character::isLetter) && !l.startsWith(" ");
    }
}

package netlab.explain;

import java.util.List;

/**
 * What a lab does on this host besides building its network, as {@code validate --explain} shows it: a few lines
 * to take in at a glance, then sections (one per node that does something, the checks, what netlab writes). Every
 * string that came from the topology is already quoted in the lines ({@link netlab.text.Quoted}).
 */
public record Explanation(String title, List<String> glance, List<Section> sections) {
    public Explanation {
        glance = List.copyOf(glance);
        sections = List.copyOf(sections);
    }

    public record Section(String heading, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** As plain text: the title, the glance lines, then each section with its lines indented under it. */
    public String text() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (String g : glance) sb.append("  ").append(g).append('\n');
        for (Section s : sections) {
            sb.append('\n').append(s.heading()).append('\n');
            for (String l : s.lines()) sb.append("  ").append(l).append('\n');
        }
        return sb.toString();
    }
}

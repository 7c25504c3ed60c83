package netlab.routing.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.routing.config.FrrConfigText;

/**
 * Turns what {@code vtysh -b} printed about lines it could not apply ("line 21: % Unknown command[25]:  bogus")
 * into one line that says where each came from: the raw {@code frr:} text in the topology, or netlab's own part.
 */
final class FrrConfigErrors {
    /** Found anywhere in a line: vtysh may have printed a complaint without newline before it (PAM's, on a bare machine). */
    private static final Pattern LINE = Pattern.compile("\\bline (\\d+): (.*)$");
    static final int SHOWN = 5;

    private FrrConfigErrors() {}

    static String describe(FrrConfigText config, String vtyshOutput) {
        List<String> out = new ArrayList<>();
        for (String l : vtyshOutput.lines().map(String::strip).toList()) {
            Matcher m = LINE.matcher(l);
            if (m.find()) {
                out.add(config.origin(Integer.parseInt(m.group(1))) + ": " + m.group(2).replaceAll("\\[\\d+\\]:\\s+", ": ").strip());
            }
        }
        if (out.isEmpty()) {
            String text = vtyshOutput.strip().replaceAll("\\s*\\n\\s*", "; ");
            return text.isEmpty() ? "vtysh gave no reason" : text;
        }
        String shown = String.join("; ", out.subList(0, Math.min(SHOWN, out.size())));
        return out.size() > SHOWN ? shown + "; and " + (out.size() - SHOWN) + " more" : shown;
    }
}

package netlab.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.MacAddress;
import netlab.source.Diagnostics;
import netlab.source.Pos;

/**
 * Lab facts inside commands and capture filters: {@code ${h1}} (h1's IPv4 address), {@code ${h1:eth1}},
 * {@code ${h1:eth1.ip6}}, {@code ${h1:eth1.mac}} (read from the running lab). Lets a check say "the frame
 * leaving r1 carries r1's MAC but h1's IP" without hard-coding random MACs.
 */
public final class Placeholders {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)(?::([A-Za-z0-9_.-]+?))?(?:\\.(ip|ip6|mac))?}");

    private Placeholders() {}

    public static void validate(String text, Pos pos, LabModel model, Diagnostics d) {
        Matcher m = REF.matcher(text);
        while (m.find()) {
            String node = m.group(1), iface = m.group(2), what = m.group(3);
            Optional<ModelNode> n = model.node(node);
            if (n.isEmpty()) {
                d.error(pos, "'" + m.group() + "': there is no node '" + node + "'" + netlab.source.Suggest.hint(node, model.nodes().keySet()));
                continue;
            }
            if (iface != null && !n.get().interfaces().containsKey(iface)) {
                d.error(pos, "'" + m.group() + "': node '" + node + "' has no interface '" + iface + "'");
                continue;
            }
            if ("mac".equals(what) && iface == null) d.error(pos, "'" + m.group() + "': a MAC needs an interface, like ${" + node + ":eth1.mac}");
            if (!"mac".equals(what) && new Target(iface == null ? node : node + ":" + iface, pos).resolve(model, null, "ip6".equals(what)).isEmpty()) {
                d.error(pos, "'" + m.group() + "' has no address");
            }
        }
        if (text.contains("${") && !REF.matcher(text).find()) {
            d.error(pos, "'" + text + "': a placeholder is written ${node}, ${node:iface}, ${node:iface.ip6} or ${node:iface.mac}");
        }
    }

    /** The text with its placeholders filled in; {@link CouldNotRun} when one cannot be (its interface is gone). */
    public static String expand(String text, CheckContext ctx) throws InterruptedException {
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String node = m.group(1), iface = m.group(2), what = m.group(3);
            String value;
            // A value that cannot be had makes the probe meaningless (a filter for a made-up MAC matches nothing, and
            // an expected failure would pass): the attempt could not run.
            String ref = m.group();
            if ("mac".equals(what)) {
                value = ctx.macOf(node, iface).map(MacAddress::toString).orElseThrow(() -> new CouldNotRun(ref + ": " + node + ":" + iface + " has no MAC"));
            } else {
                value = new Target(iface == null ? node : node + ":" + iface, Pos.unknown("")).resolve(ctx.model(), null, "ip6".equals(what))
                        .map(Object::toString).orElseThrow(() -> new CouldNotRun(ref + " has no address"));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

package netlab.badinput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to things the topology does not have: a link to a node or switch that does not exist, a gateway,
 * a check target or a pod member that is not there, a placeholder naming a missing node, interface or attribute.
 */
final class DanglingReferences implements CaseGenerator {
    static final int PER_SEED = 6;
    /** Keys whose value names a node, a switch or node:interface. */
    static final Set<String> REFERENCE_KEYS = Set.of("gateway", "from", "to", "node", "on", "switch", "host", "has", "port", "via");
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)(?::([A-Za-z0-9_.-]+?))?(\\.(?:mac|ip6))?}");
    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(/[A-Za-z0-9_-]+)?(:[A-Za-z0-9_.-]+)?");

    @Override
    public String category() {
        return "dangling-reference";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Draft> mine = new ArrayList<>();
            for (Site s : seed.sites(s -> !s.isKey() && s.kind() == Site.Kind.SCALAR)) {
                boolean linkEnd = s.under("links") && s.isItem();
                if ((linkEnd || REFERENCE_KEYS.contains(s.key())) && NAME.matcher(s.value()).matches() && !s.value().equals("all")) {
                    mine.add(Draft.text(seed.name() + ": " + s.where() + " '" + s.value() + "' renamed to a missing one",
                            seed.replace(s, missing(s.value(), linkEnd, random))));
                }
                Matcher m = PLACEHOLDER.matcher(s.value());
                if (m.find()) {
                    String broken = brokenPlaceholder(m, random);
                    String value = s.value().substring(0, m.start()) + broken + s.value().substring(m.end());
                    mine.add(Draft.text(seed.name() + ": placeholder " + m.group() + " in " + s.where() + " -> " + broken,
                            seed.replace(s, s.quoted() ? quoted(value) : value)));
                }
            }
            Collections.shuffle(mine, random);
            out.addAll(mine.subList(0, Math.min(PER_SEED, mine.size())));
        }
        return out;
    }

    /** node -> nodezz, node:eth1 -> nodezz:eth1 or (outside links, where a new name makes a new interface) node:eth9. */
    private static String missing(String ref, boolean linkEnd, Random random) {
        int colon = ref.indexOf(':'), slash = ref.indexOf('/');
        if (slash > 0 && random.nextBoolean()) return ref.replaceFirst("/([^:]+)", "/$1zz");
        if (colon > 0 && !linkEnd && random.nextBoolean()) return ref.substring(0, colon) + ":eth9";
        return colon > 0 ? ref.substring(0, colon) + "zz" + ref.substring(colon) : (slash > 0 ? ref.substring(0, slash) + "zz" + ref.substring(slash) : ref + "zz");
    }

    /** A double-quoted YAML scalar holding {@code text} exactly. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String brokenPlaceholder(Matcher m, Random random) {
        String node = m.group(1), iface = m.group(2), attr = m.group(3);
        return switch (random.nextInt(3)) {
            case 0 -> "${" + node + "zz" + (iface != null ? ":" + iface : "") + (attr != null ? attr : "") + "}";
            case 1 -> "${" + node + ":eth9" + (attr != null ? attr : "") + "}";
            default -> "${" + node + ":" + (iface != null ? iface : "eth1") + ".macc}";
        };
    }
}

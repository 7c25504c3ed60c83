package netlab.topology.expand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.source.Diagnostics;
import netlab.source.Suggest;
import netlab.yaml.Fields;
import netlab.yaml.YMap;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;

/**
 * A topology's {@code vars:} (with {@code --set} over them) and their use, {@code ${name}}, in any string value.
 * A value that is only {@code ${name}} becomes the variable's value with its type (an integer stays an integer) and
 * its position (where the value was written); inside a longer string it is text. {@code ${...}} that names a node
 * or anything else that is no variable is left alone: a check's placeholder ({@code ${h1}}, its address) or a shell's
 * variable; a near miss of a variable's name is an error. With variables in use,
 * {@code $${} writes a literal {@code ${}.
 */
final class Variables {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern USE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, YScalar> values;
    private final Set<String> placeholders;

    private Variables(Map<String, YScalar> values, Set<String> placeholders) {
        this.values = values;
        this.placeholders = placeholders;
    }

    /** The variables declared in {@code vars}, each overridden by a setting of the same name. */
    static Variables read(Optional<YNode> vars, List<Setting> settings, Set<String> labNames, Diagnostics d) {
        Map<String, YScalar> values = new LinkedHashMap<>();
        vars.flatMap(v -> Fields.asMap(v, d, "'vars'")).ifPresent(m -> {
            for (YMap.Entry e : m.entries()) {
                String name = e.key().value();
                if (!NAME.matcher(name).matches()) {
                    d.error(e.key().pos(), "'" + name + "' is not a variable name (letters, digits and _, not first a digit)");
                } else if (labNames.contains(name)) {
                    d.error(e.key().pos(), "variable '" + name + "' has the name of a node or switch: ${" + name + "} would also be its address in a check");
                } else if (e.value() instanceof YScalar s) {
                    values.put(name, s);
                } else {
                    d.error(e.value().pos(), "variable '" + name + "' is " + e.value().describe() + "; a variable holds one value (a string, number or boolean)");
                }
            }
        });
        for (Setting s : settings) {
            if (!values.containsKey(s.name())) {
                d.error(s.value().pos(), "the topology declares no variable '" + s.name() + "'" + Suggest.hint(s.name(), values.keySet())
                        + (values.isEmpty() ? " (it has no 'vars')" : "; declare it under 'vars' with its default"));
            } else {
                values.put(s.name(), s.value());
            }
        }
        return new Variables(values, labNames);
    }

    boolean inUse() {
        return !values.isEmpty();
    }

    /** The tree with every use of a variable replaced. */
    YNode substitute(YNode node, Diagnostics d) {
        if (!inUse()) return node;
        if (node instanceof YMap m) {
            List<YMap.Entry> entries = new ArrayList<>();
            for (YMap.Entry e : m.entries()) entries.add(new YMap.Entry(e.key(), substitute(e.value(), d)));
            return new YMap(entries, m.pos());
        }
        if (node instanceof YSeq s) {
            List<YNode> items = new ArrayList<>();
            for (YNode i : s.items()) items.add(substitute(i, d));
            return new YSeq(items, s.pos());
        }
        YScalar s = (YScalar) node;
        if (s.type() != YScalar.Type.STR || !s.value().contains("${")) return s;
        Matcher whole = USE.matcher(s.value());
        if (whole.matches() && whole.group(1) != null && values.containsKey(whole.group(1))) return values.get(whole.group(1));
        Matcher m = USE.matcher(s.value());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1), replacement;
            if (name == null) replacement = "${";
            else if (values.containsKey(name)) replacement = values.get(name).value();
            else {
                replacement = m.group();
                // not a variable: a check's placeholder of a node's address (a pod of a cluster too, whose names are
                // the extension's to know), or a shell's; only a near miss of a variable's name is surely a typo
                Optional<String> near = Suggest.closest(name, values.keySet());
                if (near.isPresent() && !placeholders.contains(name)) {
                    d.error(s.pos(), "'${" + name + "}': there is no variable '" + name + "' (did you mean '" + near.get()
                            + "'?; write $${ for a literal ${)");
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new YScalar(out.toString(), YScalar.Type.STR, s.pos());
    }
}

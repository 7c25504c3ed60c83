package netlab.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.app.BuiltIn;
import netlab.graph.DotRenderer;
import netlab.graph.GraphBuilder;
import netlab.graph.MermaidRenderer;
import netlab.lab.LabEnv;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.process.Progress;
import netlab.source.InvalidTopologyException;
import netlab.state.StateStore;
import netlab.testing.Labs;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/**
 * The audit of what reaches other programs, made exhaustive: every scalar of every example lab (values and keys),
 * in turn replaced by or extended with text that would be a second batch line, an option, a quote, a comment or a
 * word break. Each such topology is either refused by validation, or planned, printed and drawn without any of it
 * reaching a batch line or an iptables-restore line otherwise than as a plain word (the ops and rule lines refuse to be
 * made of anything else, so a value that slipped past validation would throw here).
 */
class HostileScalarsTest {
    /** Added to each value: a word break; a line break with a comment, quotes, a backslash and a tab. */
    static final List<String> TAILS = List.of(" b", "\nnetns del x #\"'\\\t");
    /** Put in place of each value: an option. */
    static final String OPTION = "-w/etc/shadow";

    @Test
    void everyScalarIsValidatedOrReachesProgramsOnlyAsAPlainWord() throws Exception {
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), new StateStore(Path.of(StateStore.DEFAULT_DIR)), Progress.SILENT);
        List<String> escaped = new ArrayList<>();
        int planned = 0, refused = 0;
        Set<String> kinds = new HashSet<>();
        for (Seed seed : Seed.fromDirectory(Labs.repo().resolve("topologies"))) {
            // one site per kind of value (nodes.*.interfaces.*.addresses.[]): the same validator checks the others
            for (Site site : seed.sites(s -> s.kind() == Site.Kind.SCALAR && kinds.add(kind(s)))) {
                List<String> values = new ArrayList<>(List.of(OPTION));
                for (String tail : TAILS) values.add(site.value() + tail);
                List<String> texts = new ArrayList<>();
                for (String value : values) texts.add(seed.replace(site, yaml(value)));
                // a name is referred to elsewhere: changed alone, the references break and validation refuses for that
                // reason; so a name is also changed everywhere it is written
                if (site.isNameKey()) {
                    Pattern word = Pattern.compile("(?<![\\w.-])" + Pattern.quote(site.value()) + "(?![\\w-])");
                    for (String renamed : List.of(site.value() + " b", "-" + site.value(), site.value() + "#c")) {
                        texts.add(word.matcher(seed.text()).replaceAll(Matcher.quoteReplacement(renamed)));
                    }
                }
                for (String text : texts) {
                    LoadedLab lab;
                    try {
                        lab = Topologies.load(text);
                    } catch (InvalidTopologyException e) {
                        refused++;
                        continue;
                    }
                    try {
                        new LabUp(env).dryRun(lab);
                        DotRenderer.render(GraphBuilder.build(lab.model()));
                        MermaidRenderer.render(GraphBuilder.build(lab.model()));
                        planned++;
                    } catch (IllegalArgumentException e) {
                        escaped.add(seed.name() + ": " + site.where() + ": " + e.getMessage());
                    }
                }
            }
        }
        assertThat(escaped).as("values that validation let through to a batch or a rule line").isEmpty();
        assertThat(refused).isPositive();
        assertThat(planned).as("free text that validates is planned and printed").isPositive();
    }

    /** Where a value is, without the names users choose and list positions: the kind of value it is. */
    static String kind(Site s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.path().size(); i++) {
            String e = s.path().get(i);
            boolean named = i > 0 && NAMED.contains(s.path().get(i - 1));
            out.add(e.startsWith("[") ? "[]" : named ? "*" : e);
        }
        return String.join(".", out) + (s.isKey() ? " (key)" : "");
    }

    /** Mappings whose keys users choose. */
    static final Set<String> NAMED = Set.of("nodes", "switches", "interfaces", "containers", "services", "sysctls", "environment", "labels", "pods");

    /** A YAML double-quoted scalar holding exactly {@code s}. */
    static String yaml(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}

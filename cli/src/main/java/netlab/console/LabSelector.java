package netlab.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import netlab.source.Diagnostics;
import netlab.source.Printable;
import netlab.source.Suggest;
import netlab.state.LabName;
import netlab.state.LabState;
import netlab.yaml.YMap;
import netlab.yaml.YScalar;
import netlab.yaml.YamlLoader;

/**
 * Turns what the user typed into a lab: a topology file (its {@code name}, or {@code --name}), a lab name, or
 * nothing when exactly one lab is up.
 *
 * <p>A lab that is up was accepted by an {@code up}, under the budget that {@code up} was given (with
 * {@value Budget#FLAG} or not): commands on it read its topology with the large budget, so a lab built with the
 * flag is checked, inspected and taken down without it. The large budget still bounds what reading costs.
 */
public final class LabSelector {
    private LabSelector() {}

    public static boolean looksLikeFile(String arg) {
        if (arg.indexOf('\0') >= 0) return false; // no file has such a name; refused as a lab name
        return arg.endsWith(".yaml") || arg.endsWith(".yml") || arg.contains("/") || Files.isRegularFile(Path.of(arg));
    }

    /**
     * The lab's name, reading only the {@code name} key of a file (so down works even if the rest is broken), with
     * the large budget: nothing is built from the file, and a large lab's own file must name it. Every way in is
     * checked: a lab name given, {@code --name}, or a file's {@code name} that is no lab name ("..", "../../tmp/x",
     * "-rf", a newline) is refused in one line with exit 2 before anything uses it.
     */
    public static LabName labName(String arg, Optional<String> nameOverride, LabEnv env) {
        if (nameOverride.isPresent()) return LabName.of(nameOverride.get());
        if (arg == null) return onlyRunningLab(env);
        if (!looksLikeFile(arg)) return LabName.of(arg);
        Diagnostics d = new Diagnostics();
        String shown = Printable.escaped(arg);
        String name = YamlLoader.load(Path.of(arg), arg, Budget.LARGE, d)
                .filter(n -> n instanceof YMap).flatMap(n -> ((YMap) n).get("name"))
                .filter(n -> n instanceof YScalar).map(n -> ((YScalar) n).value())
                .orElseThrow(() -> NetlabException.usage(shown + ": cannot read the lab name from it"
                        + (d.hasErrors() ? " (" + d.all().get(0) + ")" : "")));
        try {
            return LabName.of(name);
        } catch (NetlabException e) {
            throw NetlabException.usage(shown + ": " + e.getMessage());
        }
    }

    public static LabName onlyRunningLab(LabEnv env) {
        List<LabName> labs = env.store().labs();
        if (labs.size() == 1) return labs.get(0);
        if (labs.isEmpty()) throw NetlabException.labState("no lab is up; start one with 'netlab up TOPOLOGY'");
        throw NetlabException.usage("several labs are up (" + names(labs) + "); say which");
    }

    /** "a, b, c". */
    public static String names(List<LabName> labs) {
        StringBuilder sb = new StringBuilder();
        for (LabName l : labs) sb.append(sb.length() == 0 ? "" : ", ").append(l.value());
        return sb.toString();
    }

    /** A lab that is up, with its model: from the file when a file is given, else from the lab's stored copy. */
    public static Running running(String arg, Optional<String> nameOverride, LabEnv env) {
        LabName name = labName(arg, nameOverride, env);
        LabState state = env.store().load(name).orElseThrow(() -> notUp(name, env));
        LoadedLab lab;
        if (arg != null && looksLikeFile(arg)) {
            lab = LabLoader.fromFile(env.catalog(), Path.of(arg), nameOverride, Budget.LARGE);
        } else {
            String text = env.store().loadTopology(name).orElseThrow(() -> NetlabException.labState(
                    "lab '" + name + "' has no stored topology; give the topology file"));
            lab = LabLoader.fromText(env.catalog(), text, state.topologyPath() == null ? name.value() : state.topologyPath(),
                    env.store().storedTopologyPath(name).toString(), Optional.of(name.value()), Budget.LARGE);
        }
        return new Running(lab, state);
    }

    public record Running(LoadedLab lab, LabState state) {}

    public static NetlabException notUp(LabName name, LabEnv env) {
        List<LabName> labs = env.store().labs();
        List<String> up = new java.util.ArrayList<>();
        for (LabName l : labs) up.add(l.value());
        return NetlabException.labState("lab '" + name + "' is not up" + Suggest.hint(name.value(), up)
                + (labs.isEmpty() ? "" : "; labs up: " + String.join(", ", up)));
    }
}

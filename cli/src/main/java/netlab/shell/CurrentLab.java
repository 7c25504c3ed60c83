package netlab.shell;

import java.nio.file.Path;
import java.util.Optional;
import netlab.console.LabSelector;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.model.LabModel;
import netlab.source.Budget;
import netlab.state.LabName;

/**
 * The lab the shell works on: its name (shown in the prompt, given to every command that takes a lab) and, when
 * known, its topology. The model comes from the lab's stored copy while it is up, else from the file the shell
 * was given, and is re-read when that copy changes (another {@code up}), so completion and verbs stay current.
 * The stored copy is read with the large budget ({@code up} accepted it), the file with the shell's.
 */
public final class CurrentLab {
    private final LabEnv env;
    private final Budget fileBudget;
    private LabName name;
    private Path file;
    private LoadedLab cached;
    private String cachedFrom;

    public CurrentLab(LabEnv env, Budget fileBudget) {
        this.env = env;
        this.fileBudget = fileBudget;
    }

    public Optional<String> name() {
        return name == null ? Optional.empty() : Optional.of(name.value());
    }

    public void select(LabName name, Path file) {
        this.name = name;
        this.file = file;
        this.cached = null;
        this.cachedFrom = null;
    }

    public boolean isUp() {
        return name != null && env.store().load(name).isPresent();
    }

    /** The lab's name, or a usage error telling how to pick one. */
    public String require() {
        if (name != null) return name.value();
        java.util.List<LabName> up = env.store().labs();
        throw NetlabException.usage("no lab selected; " + (up.isEmpty() ? "bring one up with 'up TOPOLOGY'"
                : "choose one with 'lab NAME' (up: " + LabSelector.names(up) + ")"));
    }

    /** The lab's model, or an error saying why there is none. */
    public LabModel model() {
        return loaded().model();
    }

    public LoadedLab loaded() {
        require();
        LabName lab = name;
        Optional<String> stored = env.store().loadTopology(lab);
        String key = stored.map(t -> "stored:" + t.hashCode()).orElse(file == null ? null : "file:" + file);
        if (key == null) {
            throw NetlabException.labState("lab '" + lab + "' is not up and the shell has no topology file for it");
        }
        if (cached == null || !key.equals(cachedFrom)) {
            cached = stored.isPresent()
                    ? LabLoader.fromText(env.catalog(), stored.get(), lab.value(), env.store().storedTopologyPath(lab).toString(), Optional.of(lab.value()), Budget.LARGE)
                    : LabLoader.fromFile(env.catalog(), file, Optional.of(lab.value()), fileBudget);
            cachedFrom = key;
        }
        return cached;
    }

    /** The model if one can be had without error (for completion, which must never fail). */
    public Optional<LabModel> modelIfAny() {
        try {
            return name == null ? Optional.empty() : Optional.of(model());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Selects a lab by what the user typed: a lab name or a topology file (a bad name is refused, exit 2). */
    public void selectByArgument(String arg) {
        if (LabSelector.looksLikeFile(arg)) select(LabSelector.labName(arg, Optional.empty(), env), Path.of(arg));
        else select(LabName.of(arg), null);
    }
}

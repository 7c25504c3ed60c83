package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.json.Json;
import org.junit.jupiter.api.Assumptions;

/**
 * One example lab kept up for a whole test class that traces through it: brought up once, traced with
 * {@code netlab trace --json}, and taken down with a check that nothing of it is left.
 */
public final class TracedLab {
    private final Cli cli;
    private final Path stateDir;
    private final String name;

    private TracedLab(Cli cli, Path stateDir, String name) {
        this.cli = cli;
        this.stateDir = stateDir;
        this.name = name;
    }

    /** Brings up {@code topology} (a file of topologies/); skips the class where this kernel lacks what it needs. */
    public static TracedLab up(Path stateDir, String namePrefix, String topology) {
        Cli cli = Cli.withStateDir(stateDir);
        String name = Labs.uniqueName(namePrefix);
        Cli.Result r = cli.run("up", "--name", name, Labs.topology(topology).toString());
        Assumptions.assumeFalse(r.exitCode() == 3 && r.err().contains("lacks what lab"),
                "this kernel lacks what " + topology + " needs: " + r.err().strip());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return new TracedLab(cli, stateDir, name);
    }

    public String name() {
        return name;
    }

    public Cli cli() {
        return cli;
    }

    /** {@code netlab trace -l LAB --json ARGS}, which must exit with {@code expectedExit}; its JSON report. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> trace(int expectedExit, String... args) {
        List<String> all = new ArrayList<>(List.of("trace", "-l", name, "--json"));
        all.addAll(List.of(args));
        Cli.Result r = cli.run(all.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(expectedExit);
        return (Map<String, Object>) Json.parse(r.out());
    }

    /** Takes the lab down; nothing of it may be left. */
    public void down() {
        cli.run("down", name);
        assertThat(Leftovers.namespaces(name)).isEmpty();
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }
}

package netlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.lab.LabEnv;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.plan.BindMount;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.ServiceFile;
import netlab.plan.ServiceOp;
import netlab.plan.ShellOp;
import netlab.plan.Stage;
import netlab.plan.SysctlOp;
import netlab.plan.Tool;
import netlab.plan.Unit;
import netlab.process.Command;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Pasted.Call;
import netlab.testing.Pasted;
import netlab.testing.Topologies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --dry-run} promises the exact commands: pasted into a shell, each runs what netlab runs. The plan of a
 * topology full of shell syntax, quotes, here-document delimiters and option-like values is pasted into dash and bash
 * whose only programs are stand-ins that record what they get: every argument and every input comes back as netlab's
 * runners build it (the same {@link Command}, the same container config the engine gets), and nothing else runs.
 */
class DryRunPasteTest {
    /** Values that validate (they are the user's to choose) and that a careless printer would turn into commands. */
    static final String HOSTILE = """
            name: hostile
            switches:
              lan: {subnet: 10.0.0.0/24}
            nodes:
              h1:
                forwarding: true
                sysctls:
                  net.ipv4.conf.all.rp_filter: "1 && touch pwned; true"
                  net.ipv4.conf.default.rp_filter: "$(touch pwned) `touch pwned` 'q' \\"d\\" \\\\ ;|&<>*?~# EOF"
                exec:
                  - "echo 'it''s' \\"$HOME\\" `touch pwned`; true"
                  - "printf '%s\\\\n' first\\nEOF\\n'EOF'\\ntouch pwned"
                services: [http, {tcp: {port: 7000}}]
                rules:
                  - masquerade: {out: eth1}
              web:
                kind: container
                command: ["sh", "-c", "echo 'x' \\"$y\\" $(touch pwned)\\nEOF\\n", "--label", "-e"]
                environment: {A: "x\\nEOF\\ny 'q' \\"d\\" $(touch pwned) \\\\", B: "-e C=D", C: ""}
                labels: {k: "v\\nEOF\\n'", "a b": "--label x=y", "$(touch pwned)": "`touch pwned`"}
                workdir: "/tmp/it's a \\"dir\\""
                mounts: ["/tmp/a b $(touch pwned):/x 'y'", "/srv:/srv:ro"]
                capabilities: [NET_ADMIN]
              pod1:
                kind: pod
                share_pid: true
                labels: {team: "a'b"}
                containers:
                  app: {command: "exec sleep 1000 # 'x' $(touch pwned)", environment: {X: "\\"\\\\"}}
                  side: {}
            links:
              - [h1:eth1, lan]
              - [web:eth1, lan]
              - [pod1:eth1, lan]
            """;
    /** Every program the dry run names, and touch: a call to it would be an injected command. */
    static final List<String> PROGRAMS = List.of("ip", "tc", "bridge", "docker", "env", "mkdir", "cat", "chmod", "etcdctl", "touch");

    @TempDir
    Path dir;
    private LoadedLab lab;
    private LabEnv env;
    private Plan plan;
    private RunContext ctx;

    @BeforeEach
    void plan() {
        lab = Topologies.load(HOSTILE);
        env = LabEnv.standard(BuiltIn.catalog(), new StateStore(dir.resolve("state")), Progress.SILENT);
        plan = new LabUp(env).plan(lab);
        ctx = new RunContext(env.processes(), env.nodeExec(lab.model()), Set.of());
    }

    @Test
    void thePastedPlanRunsOnlyNetlabsProgramsAndNothingThatATopologyValueSpells() throws IOException {
        String text = new LabUp(env).dryRun(lab);
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            Pasted.Result r = Pasted.run(shell, text, dir, PROGRAMS);
            assertThat(r.stderr()).as(shell).isEmpty();
            assertThat(r.exitCode()).as(shell).isZero();
            assertThat(r.calls()).as(shell).isNotEmpty().noneMatch(c -> c.program().equals("touch"));
            try (Stream<Path> files = Files.walk(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).as(shell).doesNotContain("pwned");
            }
        }
    }

    @Test
    void eachPrintedBatchRunsExactlyWhatItsRunnerRuns() {
        int batches = 0;
        for (Stage stage : plan.stages()) {
            for (Unit u : stage.units()) {
                for (List<Op> batch : batches(u)) {
                    Tool tool = batch.get(0).tool();
                    String printed = env.runners().get(tool).render(u.netns(), batch, ctx);
                    Pasted.Result r = Pasted.run("/bin/sh", printed, dir, PROGRAMS);
                    assertThat(r.stderr()).as(printed).isEmpty();
                    List<Call> calls = new ArrayList<>(r.calls());
                    if (tool == Tool.DOCKER) calls = containersAsTheEngineGetsThem(batch, calls);
                    assertThat(Pasted.sorted(calls)).as(printed).containsExactlyElementsOf(Pasted.sorted(expected(tool, u.netns(), batch)));
                    batches++;
                }
            }
        }
        assertThat(batches).isGreaterThan(10);
    }

    @Test
    void aSysctlValueIsOneArgumentAndIsWhatTheRunnerWrites() {
        Unit h1 = plan.stages().stream().flatMap(s -> s.units().stream()).filter(u -> u.label().equals("node h1")).findFirst().orElseThrow();
        List<Op> sysctls = h1.ops().stream().filter(o -> o instanceof SysctlOp).toList();
        Pasted.Result r = Pasted.run("/bin/sh", env.runners().get(Tool.SYSCTL).render(h1.netns(), sysctls, ctx), dir, PROGRAMS);
        assertThat(r.calls()).hasSize(1);
        assertThat(r.calls().get(0).args()).contains("net.ipv4.conf.all.rp_filter=1 && touch pwned; true",
                "net.ipv4.conf.default.rp_filter=$(touch pwned) `touch pwned` 'q' \"d\" \\ ;|&<>*?~# EOF");
    }

    /** Consecutive ops of one tool in a unit, as the executor runs (and the dry run prints) them. */
    private static List<List<Op>> batches(Unit u) {
        List<List<Op>> out = new ArrayList<>();
        for (Op op : u.ops()) {
            if (out.isEmpty() || out.get(out.size() - 1).get(0).tool() != op.tool()) out.add(new ArrayList<>());
            out.get(out.size() - 1).add(op);
        }
        return out;
    }

    /** What the runner of the batch runs, as calls of programs. */
    private List<Call> expected(Tool tool, String netns, List<Op> batch) {
        List<Call> out = new ArrayList<>();
        switch (tool) {
            case IP, TC, BRIDGE -> out.add(call(IpRunner.command(tool.name().toLowerCase(), netns, batch)));
            case SYSCTL -> out.add(call(SysctlRunner.command(netns, batch)));
            case IPTABLES -> out.add(call(IptablesRunner.command(netns, batch)));
            case SHELL -> batch.forEach(op -> out.add(call(Command.of(ctx.nodeExec().command(((ShellOp) op).node(), ShellRunner.argv((ShellOp) op))))));
            case SERVICE -> batch.forEach(op -> out.addAll(service(netns, (ServiceOp) op)));
            case DOCKER -> batch.forEach(op -> {
                if (op instanceof DockerOp.AttachNetns a) {
                    out.add(new Call("docker", List.of("inspect", "-f", "{{.State.Pid}}", a.container()), ""));
                    out.add(new Call("ip", List.of("netns", "attach", a.netns()), ""));
                }
            });
            default -> throw new AssertionError("no expectation for " + tool);
        }
        return out;
    }

    private List<Call> service(String netns, ServiceOp op) {
        ServiceRunner runner = (ServiceRunner) env.runners().get(Tool.SERVICE);
        List<Call> out = new ArrayList<>();
        List<String> dirs = new ArrayList<>(List.of("-p"));
        java.util.Optional<Path> shared = op.service().unprivilegedRoot().map(runner.dir(op)::resolve);
        List<String> readableDirs = new ArrayList<>();
        for (ServiceFile f : op.service().files(op.node())) {
            Path p = runner.dir(op).resolve(f.path());
            if (!dirs.contains(p.getParent().toString())) dirs.add(p.getParent().toString());
            boolean readable = shared.isPresent() && p.startsWith(shared.get());
            if (readable) {
                for (Path d = p.getParent(); d.startsWith(shared.get()); d = d.getParent()) {
                    if (!readableDirs.contains(d.toString())) readableDirs.add(d.toString());
                }
            }
            out.add(new Call("cat", List.of(), f.content()));
            if (f.executable() || readable) {
                out.add(new Call("chmod", List.of(f.executable() ? (readable ? "755" : "700") : "644", p.toString()), ""));
            }
        }
        for (String d : op.service().dataDirs()) dirs.add(runner.dir(op).resolve(d).toString());
        if (dirs.size() == 1) dirs.add(runner.dir(op).toString());
        out.add(new Call("mkdir", dirs, ""));
        if (!readableDirs.isEmpty()) {
            java.util.Collections.reverse(readableDirs);
            List<String> chmod = new ArrayList<>(List.of("755"));
            chmod.addAll(readableDirs);
            out.add(new Call("chmod", chmod, ""));
        }
        List<String> started = new ArrayList<>(List.of("-i", "PATH=" + ServiceRunner.PATH));
        started.addAll(runner.argv(netns, op));
        out.add(new Call("env", started, ""));
        return out;
    }

    private static Call call(Command c) {
        return new Call(c.argv().get(0), c.argv().subList(1, c.argv().size()), c.stdin().orElse(""));
    }

    /**
     * Each pasted {@code docker run}, read back as the Docker CLI reads it, must be the container config the runner
     * hands the engine; those calls are then accounted for.
     */
    private static List<Call> containersAsTheEngineGetsThem(List<Op> batch, List<Call> calls) {
        List<ContainerConfig> want = batch.stream().filter(o -> o instanceof DockerOp.Run).map(o -> ((DockerOp.Run) o).config()).toList();
        List<ContainerConfig> got = calls.stream().filter(c -> c.program().equals("docker") && c.args().get(0).equals("run"))
                .map(c -> dockerRun(c.args())).toList();
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
        return calls.stream().filter(c -> !(c.program().equals("docker") && c.args().get(0).equals("run"))).toList();
    }

    /** {@code docker run -d [options] IMAGE [COMMAND...]}, the options netlab prints, as the Docker CLI takes them. */
    private static ContainerConfig dockerRun(List<String> a) {
        assertThat(a.subList(0, 2)).containsExactly("run", "-d");
        String name = null, network = null;
        Optional<String> hostname = Optional.empty(), pid = Optional.empty(), ipc = Optional.empty(), workdir = Optional.empty();
        List<String> caps = new ArrayList<>();
        List<BindMount> mounts = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>(), labels = new LinkedHashMap<>();
        int i = 2;
        for (; a.get(i).startsWith("-"); i++) {
            String v = a.get(++i);
            switch (a.get(i - 1)) {
                case "--name" -> name = v;
                case "--hostname" -> hostname = Optional.of(v);
                case "--network" -> network = v;
                case "--pid" -> pid = Optional.of(v);
                case "--ipc" -> ipc = Optional.of(v);
                case "--cap-add" -> caps.add(v);
                case "-v" -> mounts.add(BindMount.parse(v, new StringBuilder()).orElseThrow());
                case "-w" -> workdir = Optional.of(v);
                case "-e" -> env.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--label" -> labels.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                default -> throw new AssertionError("an option netlab does not print: " + a.get(i - 1));
            }
        }
        return new ContainerConfig(name, a.get(i), a.subList(i + 1, a.size()), env, workdir, mounts, labels, network, pid, ipc, hostname, caps);
    }
}

package netlab.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.plan.BindMount;
import netlab.plan.ContainerConfig;
import netlab.process.ShellQuote;

/** The docker CLI commands equivalent to netlab's engine calls: what {@code up --dry-run} prints. */
public final class DockerCommands {
    private DockerCommands() {}

    /** {@code docker run -d ...} for a container as netlab creates and starts it. */
    public static String run(ContainerConfig c) {
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", c.name()));
        c.hostname().ifPresent(h -> argv.addAll(List.of("--hostname", h)));
        argv.addAll(List.of("--network", c.networkMode()));
        c.pidMode().ifPresent(p -> argv.addAll(List.of("--pid", p)));
        c.ipcMode().ifPresent(p -> argv.addAll(List.of("--ipc", p)));
        for (String cap : c.capabilities()) argv.addAll(List.of("--cap-add", cap));
        for (BindMount m : c.mounts()) argv.addAll(List.of("-v", m.toString()));
        c.workdir().ifPresent(w -> argv.addAll(List.of("-w", w)));
        for (Map.Entry<String, String> e : c.environment().entrySet()) argv.addAll(List.of("-e", e.getKey() + "=" + e.getValue()));
        for (Map.Entry<String, String> e : c.labels().entrySet()) argv.addAll(List.of("--label", e.getKey() + "=" + e.getValue()));
        argv.add(c.image());
        argv.addAll(c.command());
        return ShellQuote.join(argv);
    }

    /** Names the container's network namespace, as netlab does with the PID the engine reports. */
    public static String attachNetns(String container, String netns) {
        return "ip netns attach " + ShellQuote.quote(netns) + " $(docker inspect -f '{{.State.Pid}}' " + ShellQuote.quote(container) + ")";
    }

    /** An interactive command in a container, with the user's terminal. */
    public static List<String> exec(String container, List<String> argv, boolean terminal) {
        List<String> out = new ArrayList<>(List.of("docker", "exec", "-i"));
        if (terminal) out.add("-t");
        out.add(container);
        out.addAll(argv);
        return out;
    }
}

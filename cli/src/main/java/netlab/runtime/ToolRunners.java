package netlab.runtime;

import java.util.EnumMap;
import java.util.Map;
import netlab.plan.Tool;

/** Which runner executes which tool's ops. Immutable once built. */
public final class ToolRunners {
    private final Map<Tool, ToolRunner> runners;

    private ToolRunners(Map<Tool, ToolRunner> runners) {
        this.runners = new EnumMap<>(runners);
    }

    /** @param runners the runner of each tool (the standard set: {@code netlab.lab.LabEnv#standardRunners}) */
    public static ToolRunners of(Map<Tool, ToolRunner> runners) {
        return new ToolRunners(runners);
    }

    /** These runners and {@code more} (an extension's, for the tools of its own ops). */
    public ToolRunners with(Map<Tool, ToolRunner> more) {
        if (more.isEmpty()) return this;
        Map<Tool, ToolRunner> m = new EnumMap<>(runners);
        m.putAll(more);
        return new ToolRunners(m);
    }

    public ToolRunners with(Tool tool, ToolRunner runner) {
        Map<Tool, ToolRunner> m = new EnumMap<>(runners);
        m.put(tool, runner);
        return new ToolRunners(m);
    }

    public ToolRunner get(Tool tool) {
        ToolRunner r = runners.get(tool);
        if (r == null) throw new IllegalStateException("no runner for " + tool);
        return r;
    }
}

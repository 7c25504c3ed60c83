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

    /** The runners that need nothing but the host's programs (iproute2, procps, a shell). */
    public static ToolRunners standard() {
        Map<Tool, ToolRunner> m = new EnumMap<>(Tool.class);
        m.put(Tool.IP, new IpRunner("ip"));
        m.put(Tool.TC, new IpRunner("tc"));
        m.put(Tool.BRIDGE, new IpRunner("bridge"));
        m.put(Tool.SYSCTL, new SysctlRunner());
        m.put(Tool.SHELL, new ShellRunner());
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

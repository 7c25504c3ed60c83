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

    /**
     * The standard runners: ip ops inside namespaces go over netlink from the JVM (NETLAB_NETLINK=0 in the
     * environment, or -Dnetlab.netlink=false, runs them all with iproute2 processes instead, e.g. to compare),
     * the rest through the host's programs. Extensions bring the runners of their own tools ({@link #with(Map)}).
     */
    public static ToolRunners standard() {
        return standard(!"0".equals(System.getenv("NETLAB_NETLINK")) && !"false".equals(System.getProperty("netlab.netlink")));
    }

    public static ToolRunners standard(boolean netlink) {
        Map<Tool, ToolRunner> m = new EnumMap<>(Tool.class);
        m.put(Tool.IP, netlink ? new netlab.runtime.netlink.NetlinkIpRunner() : new IpRunner("ip"));
        m.put(Tool.TC, new IpRunner("tc"));
        m.put(Tool.BRIDGE, new IpRunner("bridge"));
        m.put(Tool.SYSCTL, new SysctlRunner());
        m.put(Tool.SHELL, new ShellRunner());
        m.put(Tool.IPTABLES, new IptablesRunner());
        m.put(Tool.REPAIR, new netlab.runtime.netlink.RepairRunner());
        return new ToolRunners(m);
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

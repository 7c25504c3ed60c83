package netlab.lab;

import java.util.EnumMap;
import java.util.Map;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.core.KindRuntime;
import netlab.docker.DockerAccess;
import netlab.drift.RepairRunner;
import netlab.model.LabModel;
import netlab.nodes.LabNodeExec;
import netlab.plan.Naming;
import netlab.plan.Tool;
import netlab.process.ProcessRunner;
import netlab.process.Progress;
import netlab.runtime.DockerRunner;
import netlab.runtime.IpRunner;
import netlab.runtime.IptablesRunner;
import netlab.runtime.ServiceRunner;
import netlab.runtime.ShellRunner;
import netlab.runtime.SysctlRunner;
import netlab.runtime.ToolRunner;
import netlab.runtime.ToolRunners;
import netlab.runtime.netlink.NetlinkIpRunner;
import netlab.state.LabName;
import netlab.state.StateStore;

/**
 * What every lab operation works with: the kinds and extensions netlab knows, where records live, how programs run,
 * where progress goes, and the way to the Docker engine (opened only when a lab has containers).
 *
 * @param runners the core's runners; each extension's own are added to them
 */
public record LabEnv(Catalog catalog, StateStore store, ProcessRunner processes, ToolRunners runners, Progress progress, DockerAccess docker) {

    public LabEnv {
        for (Extension e : catalog.extensions()) runners = runners.with(e.runners(store));
    }

    public LabEnv(Catalog catalog, StateStore store, ProcessRunner processes, ToolRunners runners, Progress progress) {
        this(catalog, store, processes, runners, progress, DockerAccess.standard());
    }

    public static LabEnv standard(Catalog catalog, StateStore store, Progress progress) {
        DockerAccess docker = DockerAccess.standard();
        return new LabEnv(catalog, store.reportingTo(progress), new ProcessRunner(), standardRunners().with(Tool.DOCKER, new DockerRunner(docker, progress))
                .with(Tool.SERVICE, new ServiceRunner(store.reportingTo(progress))), progress, docker);
    }

    /** How a lab's things are named and marked; the name is checked here (a model's name always passes). */
    public Naming naming(String lab) {
        return store.naming(LabName.of(lab));
    }

    public Naming naming(LabName lab) {
        return store.naming(lab);
    }

    public KindRuntime kindRuntime(String lab) {
        return new KindRuntime(naming(lab), processes, docker);
    }

    public LabNodeExec nodeExec(LabModel model) {
        return new LabNodeExec(model, kindRuntime(model.name()), catalog.nodeKinds(), catalog.extensions(), store.workDir(LabName.of(model.name())));
    }

    /**
     * The standard runners: ip ops inside namespaces go over netlink from the JVM (NETLAB_NETLINK=0 in the
     * environment, or -Dnetlab.netlink=false, runs them all with iproute2 processes instead, e.g. to compare),
     * the rest through the host's programs. Extensions bring the runners of their own tools ({@link ToolRunners#with(Map)}).
     */
    public static ToolRunners standardRunners() {
        return standardRunners(!"0".equals(System.getenv("NETLAB_NETLINK")) && !"false".equals(System.getProperty("netlab.netlink")));
    }

    public static ToolRunners standardRunners(boolean netlink) {
        Map<Tool, ToolRunner> m = new EnumMap<>(Tool.class);
        m.put(Tool.IP, netlink ? new NetlinkIpRunner() : new IpRunner("ip"));
        m.put(Tool.TC, new IpRunner("tc"));
        m.put(Tool.BRIDGE, new IpRunner("bridge"));
        m.put(Tool.SYSCTL, new SysctlRunner());
        m.put(Tool.SHELL, new ShellRunner());
        m.put(Tool.IPTABLES, new IptablesRunner());
        m.put(Tool.REPAIR, new RepairRunner());
        return ToolRunners.of(m);
    }
}

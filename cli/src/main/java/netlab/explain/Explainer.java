package netlab.explain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import netlab.check.CheckBody;
import netlab.check.CheckSpec;
import netlab.check.kinds.CaptureCheck;
import netlab.check.kinds.ExecCheck;
import netlab.check.kinds.HttpCheck;
import netlab.check.kinds.SpreadCheck;
import netlab.cluster.FlannelOp;
import netlab.core.NodeKind;
import netlab.kind.Registry;
import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.nodes.ContainerNode;
import netlab.nodes.PodNode;
import netlab.plan.BindMount;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.Naming;
import netlab.plan.Op;
import netlab.plan.Plan;
import netlab.plan.ServiceFile;
import netlab.plan.ServiceOp;
import netlab.routing.config.FrrDaemon;
import netlab.routing.extension.RoutingNodes;
import netlab.routing.extension.StartFrr;
import netlab.routing.runtime.FrrLayout;
import netlab.plan.ShellOp;
import netlab.plan.Stage;
import netlab.plan.Unit;
import netlab.runtime.ServiceRunner;
import netlab.source.Located;
import netlab.state.StateStore;

import static netlab.text.Quoted.of;
import static netlab.text.Quoted.words;

/**
 * Finds what a lab does on this host besides its network, for whoever reviews a topology before running it (a
 * pull request CI will test): every command it runs and where, every server and the program behind it, every
 * container with its image, command, environment (names only), host mounts and capabilities, the sysctls it sets,
 * the files netlab writes for it, and what its checks run. What {@code up} does comes from the lab's plan, so
 * nothing the plan holds goes unseen: each kind of operation ({@link netlab.plan.Tool}) is either part of the
 * network inside the lab's namespaces or shown here, and a new kind does not compile until it says which.
 */
public final class Explainer {
    private final LoadedLab lab;
    private final StateStore store;
    private final ServiceRunner services;
    private final Map<String, List<String>> byNode = new LinkedHashMap<>();
    /** What a node's cluster work does, once each (a node has several flannel ops). */
    private final Map<String, Set<String>> etcdWork = new LinkedHashMap<>();
    /** What the glance counts. */
    private int hostCommands, containerCommands, envNames, sysctls, networkOps;
    private final Map<String, Integer> servers = new TreeMap<>();
    private final Set<String> images = new LinkedHashSet<>(), capabilities = new LinkedHashSet<>();
    private final List<String> mounts = new ArrayList<>();
    private final Registry<NodeKind> nodeKinds;

    private Explainer(LoadedLab lab, StateStore store, Registry<NodeKind> nodeKinds) {
        this.lab = lab;
        this.store = store;
        this.nodeKinds = nodeKinds;
        this.services = new ServiceRunner(store);
        for (String n : lab.model().nodes().keySet()) byNode.put(n, new ArrayList<>());
    }

    /** {@code plan}: what {@code up} would do; {@code store}: where the lab's record and work files would go. */
    public static Explanation explain(LoadedLab lab, Plan plan, StateStore store, Registry<NodeKind> nodeKinds) {
        return new Explainer(lab, store, nodeKinds).build(plan);
    }

    private Explanation build(Plan plan) {
        for (Stage stage : plan.stages()) {
            for (Unit unit : stage.units()) {
                String node = unit.label().startsWith("node ") ? unit.label().substring("node ".length()) : null;
                for (Op op : unit.ops()) note(node, op);
            }
        }
        for (ModelNode n : lab.model().nodes().values()) {
            for (Map.Entry<String, Located> s : n.spec().sysctls().entrySet()) {
                byNode.get(n.name()).add("sets sysctl " + of(s.getKey()) + " = " + of(s.getValue().text()) + " (in its own namespace)");
                sysctls++;
            }
        }
        List<Explanation.Section> sections = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byNode.entrySet()) {
            ModelNode n = lab.model().nodes().get(e.getKey());
            List<String> lines = new ArrayList<>(e.getValue());
            lines.addAll(etcdWork.getOrDefault(e.getKey(), Set.of()));
            if (lines.isEmpty()) {
                quiet.add(of(n.name()) + " (" + n.kind() + ")");
                continue;
            }
            sections.add(new Explanation.Section("node " + of(n.name()) + " (" + n.kind() + "): its commands run "
                    + nodeKinds.get(n.kind()).commandsRun(), lines));
        }
        if (!quiet.isEmpty()) sections.add(new Explanation.Section("nodes with nothing but their network", List.of(String.join(", ", quiet))));
        List<String> checkLines = checks();
        if (!checkLines.isEmpty()) {
            sections.add(new Explanation.Section("checks (netlab check, netlab test): each runs in the node it names", checkLines));
        }
        sections.add(new Explanation.Section("netlab itself", netlabItself()));
        return new Explanation("what lab " + of(lab.name()) + " (" + of(lab.topology().source().displayName()) + ") does on this host besides its network",
                glance(), sections);
    }

    /** One op of the plan: counted when it builds the network, else shown; the switch must name every tool. */
    private void note(String node, Op op) {
        boolean network = switch (op.tool()) {
            // inside the lab's namespaces (the topology's own sysctls are listed from its nodes)
            case IP, TC, BRIDGE, IPTABLES, SYSCTL, REPAIR -> true; // repairs: only a converging up has them
            case SHELL -> {
                shell((ShellOp) op);
                yield false;
            }
            case SERVICE -> {
                service((ServiceOp) op);
                yield false;
            }
            case DOCKER -> {
                // naming a container's network namespace is part of the network
                if (op instanceof DockerOp.Run run) container(node, run.config());
                yield !(op instanceof DockerOp.Run);
            }
            case ROUTING -> {
                routing((StartFrr) op);
                yield false;
            }
            case FLANNEL -> {
                if (node != null) etcdWork.computeIfAbsent(node, k -> new LinkedHashSet<>()).add(flannel((FlannelOp) op));
                yield false;
            }
        };
        if (network) networkOps++;
    }

    private static String flannel(FlannelOp op) {
        return op instanceof FlannelOp.WriteConfig ? "writes the cluster's network config to its etcd (with the host's etcdctl)"
                : "leases its pod subnet in the cluster's etcd and is programmed from the leases there (with the host's etcdctl)";
    }

    private void shell(ShellOp op) {
        boolean inContainer = isContainer(op.node(), Optional.empty());
        if (inContainer) containerCommands++;
        else hostCommands++;
        byNode.get(op.node()).add("runs once it is built: sh -c " + of(op.command()));
    }

    private void service(ServiceOp op) {
        Path dir = services.dir(op);
        List<String> argv = op.service().command(dir);
        String program = argv.get(0).equals("busybox") && argv.size() > 1 ? "busybox " + argv.get(1) : argv.get(0);
        servers.merge(program, 1, Integer::sum);
        List<String> lines = byNode.get(op.node());
        lines.add("serves " + op.service().describe() + " with the host's " + program + ", started as root: " + words(argv));
        List<String> files = new ArrayList<>();
        for (ServiceFile f : op.service().files(op.node())) files.add(of(f.path()));
        files.add("its log");
        lines.add("  in " + of(dir.toString()) + " netlab writes " + String.join(", ", files) + "; the server may write there too");
    }

    private void routing(StartFrr op) {
        FrrLayout layout = RoutingNodes.layout(store.workDir(lab.labName()), op.lab(), op.node());
        for (FrrDaemon d : op.daemons()) servers.merge("FRR " + d.program(), 1, Integer::sum);
        List<String> lines = byNode.get(op.node());
        lines.add("routes with FRR: " + String.join(", ", op.daemons().stream().map(FrrDaemon::program).toList())
                + " from the host's /usr/lib/frr, started as root, then running as the user frr, in a mount namespace of their own");
        lines.add("  in " + of(layout.dir().toString()) + " netlab writes frr.conf and vtysh.conf; the daemons see it as their /run and"
                + " write their pid files, sockets and logs there");
    }

    private void container(String node, ContainerConfig c) {
        String member = c.labels().get(Naming.LABEL_MEMBER);
        ModelNode n = lab.model().nodes().get(node);
        String what = member != null ? "container " + of(member) : n.kind().equals(PodNode.NAME) ? "the pod's pause container" : "the container";
        List<String> lines = byNode.get(node);
        images.add(c.image());
        lines.add(what + ": image " + of(c.image()));
        lines.add("  runs " + (c.command().isEmpty() ? "the image's own entrypoint and command"
                : words(c.command()) + " (as the arguments of the image's entrypoint, if it has one)"));
        if (!c.environment().isEmpty()) {
            envNames += c.environment().size();
            lines.add("  environment: " + String.join(", ", c.environment().keySet().stream().map(k -> of(k) + "=(value not shown)").toList()));
        }
        c.workdir().ifPresent(w -> lines.add("  working directory " + of(w)));
        for (BindMount m : c.mounts()) {
            String mount = "host " + of(m.host()) + " at " + of(m.container()) + (m.readOnly() ? ", read-only" : ", read-write");
            mounts.add(mount);
            lines.add("  mounts " + mount);
        }
        if (!c.capabilities().isEmpty()) {
            capabilities.addAll(c.capabilities());
            lines.add("  capabilities added to Docker's default set: " + String.join(", ", c.capabilities().stream().map(x -> of(x)).toList()));
        }
        c.pidMode().ifPresent(p -> lines.add("  shares the pod's PID namespace (its processes see each other)"));
    }

    private List<String> checks() {
        List<String> out = new ArrayList<>();
        for (CheckSpec c : CheckSpec.of(lab.topology())) {
            List<String> lines = new ArrayList<>();
            probe(c.body(), "", lines);
            out.add("check " + of(c.name()) + ": " + lines.get(0));
            for (String l : lines.subList(1, lines.size())) out.add("  " + l);
        }
        return out;
    }

    /** What one probe runs, and the probes inside it (a capture's 'during') after it. */
    private void probe(CheckBody b, String prefix, List<String> lines) {
        if (b instanceof ExecCheck e) {
            netlab.check.Target t = new netlab.check.Target(e.node(), e.nodePos());
            boolean inContainer = isContainer(t.node(), t.member());
            if (inContainer) containerCommands++;
            else hostCommands++;
            lines.add(prefix + "runs in " + of(e.node()) + (inContainer ? ", inside the container" : ", as root with the host's files")
                    + ": sh -c " + of(e.command()));
        } else if (b instanceof CaptureCheck c) {
            lines.add(prefix + "tcpdump (the host's) on " + of(c.on().text()) + (c.filter().isBlank() ? "" : " with the filter " + of(c.filter())));
        } else if (b instanceof HttpCheck h) {
            lines.add(prefix + "curl (the host's) in " + of(h.from()) + " fetches " + of(h.url()));
        } else if (b instanceof SpreadCheck s) {
            lines.add(prefix + "curl (the host's) in " + of(s.from()) + " fetches " + of(s.url()) + " " + s.requests() + " times");
        } else {
            lines.add(prefix + b.kind() + ": " + of(b.describe()));
        }
        for (CheckBody inner : b.nested()) probe(inner, "during it: ", lines);
    }

    private List<String> netlabItself() {
        Naming naming = new Naming(lab.name(), store.token());
        List<String> out = new ArrayList<>();
        out.add("network namespaces " + naming.fabricNetns() + " and " + naming.nodeNetns("NODE") + " for each node (named in /run/netns),"
                + " each marked as the lab's");
        out.add(networkOps + " operations (ip, tc, bridge, iptables, sysctl, naming a container's namespace) that build its network"
                + " inside those namespaces");
        if (!images.isEmpty()) out.add("Docker containers named " + naming.containerName("NODE") + "..., labelled as the lab's, with Docker's networking off");
        out.add("its record under " + store.root().resolve("labs") + "/ (a directory of the lab's with state.json and a copy of the topology,"
                + " and a lock file)");
        out.add("no change to the host's own network namespace: no address, route, rule, firewall rule or sysctl");
        return out;
    }

    private List<String> glance() {
        List<String> out = new ArrayList<>();
        out.add("commands run as root with the host's files and programs: " + hostCommands + " (node exec and exec checks)");
        out.add("commands run inside containers: " + containerCommands);
        out.add("servers: " + (servers.isEmpty() ? "none" : String.join(", ", servers.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).toList())) + (servers.isEmpty() ? "" : ", started as root with the host's programs"));
        out.add("container images: " + (images.isEmpty() ? "none" : String.join(", ", images.stream().map(i -> of(i)).toList())));
        out.add("host paths mounted into containers: " + (mounts.isEmpty() ? "none" : String.join("; ", mounts)));
        out.add("capabilities added to containers: " + (capabilities.isEmpty() ? "none" : String.join(", ", capabilities.stream().map(x -> of(x)).toList()))
                + "; privileged containers: none (netlab never asks for one)");
        out.add("environment variables given to containers: " + envNames + "; sysctls set in its nodes: " + sysctls
                + " (net.* only, each in its node's namespace)");
        return out;
    }

    /** Whether commands for {@code node} (or one of its pod's containers) run inside a container. */
    private boolean isContainer(String node, Optional<String> member) {
        ModelNode n = lab.model().nodes().get(node);
        return n != null && (n.kind().equals(ContainerNode.NAME) || (n.kind().equals(PodNode.NAME) && member.isPresent()));
    }
}

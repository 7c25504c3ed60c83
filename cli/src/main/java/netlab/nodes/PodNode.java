package netlab.nodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.core.KindRuntime;
import netlab.core.NodeKind;
import netlab.docker.DockerCommands;
import netlab.docker.Images;
import netlab.docker.LabContainers;
import netlab.doctor.Feature;
import netlab.errors.NetlabException;
import netlab.model.ModelNode;
import netlab.plan.ContainerConfig;
import netlab.plan.DockerOp;
import netlab.plan.Naming;
import netlab.plan.PlanBuilder;
import netlab.plan.StageName;
import netlab.process.ProcResult;
import netlab.source.Suggest;
import netlab.topology.Names;
import netlab.topology.NodeKindSpec;
import netlab.yaml.Fields;
import netlab.yaml.YMap;

/**
 * {@code kind: pod}, modelled on a Kubernetes pod. A pause container is made first, with networking off; it owns
 * the pod's network and IPC namespaces (and, with {@code share_pid}, its PID namespace, where pause is PID 1 and
 * reaps orphans). netlab names its network namespace {@code netlab.LAB.POD} and wires it like any node. The app
 * containers start once the pod's network is configured (as kubelet starts them after CNI), joining pause's
 * namespaces: they share interfaces, addresses and localhost. Commands target the pod ("web": the shared
 * network namespace with the host's programs) or one container ("web/server": inside it).
 */
public final class PodNode implements NodeKind {
    public static final String NAME = "pod";
    static final Set<String> MEMBER_FIELDS = ContainerSettings.FIELDS;

    /**
     * @param sharePid   one PID namespace for the whole pod (Kubernetes' shareProcessNamespace)
     * @param pauseImage the image of the pause container
     * @param labels     put on every container of the pod
     * @param containers the app containers, in start order
     */
    public record Spec(boolean sharePid, String pauseImage, Map<String, String> labels, Map<String, ContainerSettings> containers)
            implements NodeKindSpec {
        public Spec {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            containers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(containers));
        }

        @Override
        public String kind() {
            return NAME;
        }

        @Override
        public Set<String> members() {
            return containers.keySet();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> fields() {
        return Set.of("containers", "share_pid", "pause_image", "labels");
    }

    @Override
    public NodeKindSpec parse(Fields f, String node) {
        String where = "pod '" + node + "'";
        boolean sharePid = f.bool("share_pid", false);
        String pause = f.string("pause_image").orElse(Images.PAUSE);
        if (!ContainerSettings.IMAGE.matcher(pause).matches()) {
            f.diags().error(f.posOf("pause_image"), "'pause_image' of " + where + ": '" + pause + "' is not an image reference (like "
                    + Images.PAUSE + ")");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        f.textMap("labels").forEach((k, v) -> {
            if (k.startsWith("netlab.")) f.diags().error(v.pos(), "label '" + k + "' of " + where + ": labels starting with 'netlab.' are netlab's own marks");
            ContainerSettings.labelKeyProblem(k, where).ifPresent(msg -> f.diags().error(v.pos(), msg));
            labels.put(k, v.text());
        });
        Map<String, ContainerSettings> containers = new LinkedHashMap<>();
        Optional<YMap> list = f.mapping("containers");
        if (!f.has("containers")) f.diags().error(f.pos(), where + " needs 'containers' (at least one)");
        else if (list.isPresent() && list.get().entries().isEmpty()) f.diags().error(f.posOf("containers"), where + " needs at least one container");
        list.ifPresent(l -> {
            for (YMap.Entry e : l.entries()) {
                String member = e.key().value();
                Names.checkNode(member).ifPresent(msg -> f.diags().error(e.key().pos(), "container " + msg.replaceFirst("^node ", "")
                        + " (in " + where + ")"));
                String mwhere = "container '" + member + "' of " + where;
                YMap m = Fields.asMap(e.value(), f.diags(), mwhere).orElse(new YMap(List.of(), e.key().pos()));
                containers.put(member, ContainerSettings.parse(Fields.of(m, f.diags(), mwhere, MEMBER_FIELDS), mwhere));
            }
        });
        return new Spec(sharePid, pause, labels, containers);
    }

    @Override
    public void planCreate(ModelNode node, KindRuntime rt, PlanBuilder plan) {
        Naming naming = rt.naming();
        Spec spec = spec(node);
        String pause = naming.containerName(node.name());
        String netns = naming.nodeNetns(node.name());
        String unit = "node " + node.name();
        ContainerSettings pauseSettings = new ContainerSettings(spec.pauseImage(), List.of(), Map.of(), Optional.empty(), List.of(),
                spec.labels(), List.of());
        ContainerConfig pauseConfig = pauseSettings.config(pause, ContainerSettings.marks(naming, node.name(), null), "none",
                Optional.empty(), Optional.of("shareable"), Optional.of(node.name()));
        plan.add(StageName.CONTAINERS, unit, null, new DockerOp.Run(pauseConfig, Optional.of(netns)));
        plan.add(StageName.CONTAINERS, unit, null, new DockerOp.AttachNetns(pause, netns));

        String joined = "container:" + pause;
        for (Map.Entry<String, ContainerSettings> m : spec.containers().entrySet()) {
            Map<String, String> marks = new LinkedHashMap<>(spec.labels());
            marks.putAll(ContainerSettings.marks(naming, node.name(), m.getKey()));
            ContainerConfig c = m.getValue().config(naming.podMemberContainer(node.name(), m.getKey()), marks, joined,
                    spec.sharePid() ? Optional.of(joined) : Optional.empty(), Optional.of(joined), Optional.empty());
            plan.add(StageName.APPS, unit, null, new DockerOp.Run(c, Optional.empty()));
        }
    }

    @Override
    public ProcResult exec(ModelNode node, String member, List<String> argv, Duration timeout, KindRuntime rt) throws InterruptedException {
        if (member == null) return rt.processes().run(interactive(node, null, argv, rt), null, timeout);
        return rt.docker().engine().exec(container(node, member, rt.naming()), argv, timeout);
    }

    @Override
    public List<String> interactive(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        return commandLine(node, member, argv, rt, System.console() != null);
    }

    @Override
    public List<String> command(ModelNode node, String member, List<String> argv, KindRuntime rt) {
        return commandLine(node, member, argv, rt, false);
    }

    private List<String> commandLine(ModelNode node, String member, List<String> argv, KindRuntime rt, boolean terminal) {
        if (member != null) return DockerCommands.exec(container(node, member, rt.naming()), argv, terminal);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", rt.naming().nodeNetns(node.name())));
        full.addAll(argv);
        return full;
    }

    @Override
    public String commandsRun() {
        return "as root in the pod's network namespace, with the host's files and programs (those for one container: inside it)";
    }

    @Override
    public Set<Feature> features() {
        return Set.of(Feature.DOCKER);
    }

    @Override
    public List<String> preflight(ModelNode node, KindRuntime rt) {
        Spec spec = spec(node);
        List<String> out = new ArrayList<>();
        if (!rt.docker().engine().imageExists(spec.pauseImage())) out.add(Images.missing(spec.pauseImage()));
        for (Map.Entry<String, ContainerSettings> m : spec.containers().entrySet()) {
            out.addAll(m.getValue().problems(rt.docker().engine(), "container '" + m.getKey() + "' of pod '" + node.name() + "'"));
        }
        return out;
    }

    @Override
    public List<netlab.drift.Drift> drift(ModelNode node, KindRuntime rt) {
        LabContainers lab = new LabContainers(rt.docker().engine(), rt.naming());
        List<netlab.drift.Drift> out = new ArrayList<>();
        String pause = rt.naming().containerName(node.name());
        if (!lab.live(pause)) out.add(netlab.drift.Drift.missing(node.name(), netlab.drift.Drift.Thing.CONTAINER, pause + " (the pod's pause container, not running)"));
        for (String m : spec(node).containers().keySet()) {
            String name = rt.naming().podMemberContainer(node.name(), m);
            if (!lab.live(name)) out.add(netlab.drift.Drift.missing(node.name(), netlab.drift.Drift.Thing.CONTAINER, name + " (not running in the pod)"));
        }
        return out;
    }

    private String container(ModelNode node, String member, Naming naming) {
        if (!spec(node).containers().containsKey(member)) {
            throw NetlabException.usage("pod '" + node.name() + "' has no container '" + member + "'"
                    + Suggest.hint(member, spec(node).containers().keySet()) + "; it has: " + String.join(", ", spec(node).containers().keySet()));
        }
        return naming.podMemberContainer(node.name(), member);
    }

    private static Spec spec(ModelNode node) {
        return (Spec) node.spec().kindSpec();
    }
}

package netlab.nodes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.core.Extension;
import netlab.core.KindRuntime;
import netlab.core.NodeKind;
import netlab.errors.NetlabException;
import netlab.kind.Registry;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.process.ProcResult;
import netlab.runtime.NodeExec;

/**
 * Runs commands in a lab's nodes by asking each node's kind how, unless an extension runs the command its own way
 * (a routing node's vtysh: {@link Extension#nodeCommand}). Node names may be "pod/container".
 */
public final class LabNodeExec implements NodeExec {
    private final LabModel model;
    private final KindRuntime rt;
    private final Registry<NodeKind> kinds;
    private final List<Extension> extensions;
    private final Path workDir;

    /** @param workDir the lab's work directory, where extensions keep a node's files */
    public LabNodeExec(LabModel model, KindRuntime rt, Registry<NodeKind> kinds, List<Extension> extensions, Path workDir) {
        this.model = model;
        this.rt = rt;
        this.kinds = kinds;
        this.extensions = List.copyOf(extensions);
        this.workDir = workDir;
    }

    @Override
    public ProcResult exec(String node, List<String> argv, Duration timeout) throws InterruptedException {
        Target t = target(node);
        Optional<List<String>> own = extensionCommand(t, argv);
        if (own.isPresent()) return rt.processes().run(own.get(), null, timeout);
        return kinds.get(t.node.kind()).exec(t.node, t.member, argv, timeout, rt);
    }

    @Override
    public List<String> interactive(String node, List<String> argv) {
        Target t = target(node);
        return extensionCommand(t, argv).orElseGet(() -> kinds.get(t.node.kind()).interactive(t.node, t.member, argv, rt));
    }

    @Override
    public List<String> command(String node, List<String> argv) {
        Target t = target(node);
        return extensionCommand(t, argv).orElseGet(() -> kinds.get(t.node.kind()).command(t.node, t.member, argv, rt));
    }

    /** The first extension's own way to run the command in the node (never for a pod's member: it runs in its container). */
    private Optional<List<String>> extensionCommand(Target t, List<String> argv) {
        if (t.member != null) return Optional.empty();
        for (Extension e : extensions) {
            Optional<List<String>> own = e.nodeCommand(model, rt.naming(), workDir, t.node.name(), argv);
            if (own.isPresent()) return own;
        }
        return Optional.empty();
    }

    @Override
    public List<String> inNetns(String node, List<String> argv) {
        Target t = target(node);
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", rt.naming().nodeNetns(t.node.name())));
        full.addAll(argv);
        return full;
    }

    private record Target(ModelNode node, String member) {}

    private Target target(String ref) {
        int slash = ref.indexOf('/');
        String name = slash < 0 ? ref : ref.substring(0, slash);
        String member = slash < 0 ? null : ref.substring(slash + 1);
        ModelNode n = model.node(name).orElseThrow(() -> NetlabException.usage(
                "lab '" + model.name() + "' has no node '" + name + "'" + netlab.source.Suggest.hint(name, model.nodes().keySet())));
        if (member != null) {
            java.util.Set<String> members = n.spec().kindSpec().members();
            if (!members.contains(member)) {
                throw NetlabException.usage(members.isEmpty() ? "node '" + name + "' (kind " + n.kind() + ") is not a pod; write '" + name + "' without '/" + member + "'"
                        : "pod '" + name + "' has no container '" + member + "'" + netlab.source.Suggest.hint(member, members)
                        + "; it has: " + String.join(", ", members));
            }
        }
        return new Target(n, member);
    }
}

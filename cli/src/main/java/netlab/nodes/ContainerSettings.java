package netlab.nodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import netlab.docker.DockerEngine;
import netlab.docker.Images;
import netlab.plan.BindMount;
import netlab.plan.ContainerConfig;
import netlab.plan.Naming;
import netlab.source.Located;
import netlab.source.Suggest;
import netlab.yaml.Fields;
import netlab.yaml.YNode;
import netlab.yaml.YScalar;
import netlab.yaml.YSeq;

/**
 * What one container runs, as written: on a container node, and on each container of a pod.
 *
 * @param command     empty: the image's own; a string in the topology runs with {@code sh -c}
 * @param capabilities added to Docker's defaults (e.g. NET_ADMIN, to let the container change its network)
 */
public record ContainerSettings(String image, List<String> command, Map<String, String> environment, Optional<String> workdir,
                                List<BindMount> mounts, Map<String, String> labels, List<String> capabilities) {

    public static final Set<String> FIELDS = Set.of("image", "command", "environment", "workdir", "mounts", "labels", "capabilities");

    /** An image reference as Docker reads one: [registry[:port]/]name[/name...][:tag][@sha256:digest], names in lower case. */
    static final Pattern IMAGE = Pattern.compile("(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Linux capabilities Docker can add (capabilities(7)). */
    static final Set<String> CAPABILITIES = Set.of("AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE", "BLOCK_SUSPEND", "BPF",
            "CHECKPOINT_RESTORE", "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL",
            "LEASE", "LINUX_IMMUTABLE", "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST",
            "NET_RAW", "PERFMON", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYSLOG", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT",
            "SYS_MODULE", "SYS_NICE", "SYS_PACCT", "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG",
            "WAKE_ALARM");

    public ContainerSettings {
        command = List.copyOf(command);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        mounts = List.copyOf(mounts);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        capabilities = List.copyOf(capabilities);
    }

    /** Reads the settings from a mapping whose unknown keys the caller has reported already. */
    public static ContainerSettings parse(Fields f, String where) {
        String image = f.string("image").orElse(Images.BUSYBOX);
        if (f.has("image") && image.isBlank()) {
            f.diags().error(f.posOf("image"), "'image' of " + where + " is empty");
        } else if (!IMAGE.matcher(image).matches()) {
            f.diags().error(f.posOf("image"), "'image' of " + where + ": '" + image + "' is not an image reference (like " + Images.BUSYBOX
                    + " or registry.example:5000/team/app:2)");
        }

        List<String> command = new ArrayList<>();
        Optional<YNode> cmd = f.node("command");
        if (cmd.isPresent() && cmd.get() instanceof YScalar s && !s.isNull()) {
            command.addAll(List.of("sh", "-c", s.value()));
        } else if (cmd.isPresent()) {
            f.list("command").ifPresent(seq -> {
                for (YNode item : seq.items()) Fields.asText(item, f.diags(), "an item of 'command' in " + where).ifPresent(command::add);
            });
            if (cmd.get() instanceof YSeq seq && seq.items().isEmpty()) {
                f.diags().error(cmd.get().pos(), "'command' of " + where + " is empty; leave it out to run the image's own command");
            }
        }

        Map<String, String> env = new LinkedHashMap<>();
        f.textMap("environment").forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches()) {
                f.diags().error(v.pos(), "environment variable name '" + k + "' of " + where + " may only use letters, digits and '_'");
            }
            env.put(k, v.text());
        });

        Optional<String> workdir = f.string("workdir");
        if (workdir.isPresent() && !workdir.get().startsWith("/")) {
            f.diags().error(f.posOf("workdir"), "'workdir' of " + where + " must be an absolute path, not '" + workdir.get() + "'");
        }

        List<BindMount> mounts = new ArrayList<>();
        for (Located m : f.textList("mounts")) {
            StringBuilder why = new StringBuilder();
            BindMount.parse(m.text(), why).ifPresentOrElse(mounts::add, () -> f.diags().error(m.pos(), why + " (in " + where + ")"));
        }

        Map<String, String> labels = new LinkedHashMap<>();
        f.textMap("labels").forEach((k, v) -> {
            if (k.startsWith("netlab.")) {
                f.diags().error(v.pos(), "label '" + k + "' of " + where + ": labels starting with 'netlab.' are netlab's own marks");
            }
            labelKeyProblem(k, where).ifPresent(msg -> f.diags().error(v.pos(), msg));
            labels.put(k, v.text());
        });

        List<String> caps = new ArrayList<>();
        for (Located c : f.textList("capabilities")) {
            String name = c.text().toUpperCase().replaceFirst("^CAP_", "");
            if (!CAPABILITIES.contains(name)) {
                f.diags().error(c.pos(), "unknown capability '" + c.text() + "' in " + where + Suggest.hint(name, CAPABILITIES));
            } else {
                caps.add(name);
            }
        }
        return new ContainerSettings(image, command, env, workdir, mounts, labels, caps);
    }

    /**
     * A label key the engine would get otherwise than {@code docker run --label KEY=VALUE} (what the plan prints) says:
     * one with '=' (the CLI splits at the first), or none at all.
     */
    static Optional<String> labelKeyProblem(String key, String where) {
        if (key.isEmpty() || key.contains("=")) {
            return Optional.of("label '" + key + "' of " + where + ": a label name is not empty and has no '='");
        }
        return Optional.empty();
    }

    /**
     * The container as netlab creates it.
     *
     * @param marks the lab's marks and which node (and member) it is, added to the user's labels
     */
    public ContainerConfig config(String name, Map<String, String> marks, String networkMode, Optional<String> pidMode,
                                  Optional<String> ipcMode, Optional<String> hostname) {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putAll(marks);
        return new ContainerConfig(name, image, command, environment, workdir, mounts, all, networkMode, pidMode, ipcMode, hostname,
                capabilities);
    }

    /** What stops this container from being made here: a missing image, a missing host path to mount. */
    List<String> problems(DockerEngine engine, String where) {
        List<String> out = new ArrayList<>();
        if (!engine.imageExists(image)) out.add(Images.missing(image));
        for (BindMount m : mounts) {
            if (!Files.exists(Path.of(m.host()))) out.add("the host path " + m.host() + " mounted in " + where + " does not exist");
        }
        return out;
    }

    /** The marks of one container of a lab: lab, state directory, node, and the pod member it is (if any). */
    static Map<String, String> marks(Naming naming, String node, String member) {
        Map<String, String> m = new LinkedHashMap<>(naming.containerMarks());
        m.put(Naming.LABEL_NODE, node);
        if (member != null) m.put(Naming.LABEL_MEMBER, member);
        return m;
    }
}

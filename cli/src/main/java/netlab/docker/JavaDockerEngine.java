package netlab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import netlab.errors.NetlabException;
import netlab.runtime.ProcResult;

/**
 * {@link DockerEngine} through docker-java (its dependency-free transport, which talks HTTP over the engine's unix
 * socket with the JDK's own unix-socket support). Only this class names docker-java types; it is loaded the first
 * time a lab really needs Docker.
 */
final class JavaDockerEngine implements DockerEngine {
    /** The exit code of a command whose container is missing or stopped (docker exec uses 125 for its own failures). */
    static final int UNAVAILABLE = 125;
    private final DockerClient client;
    private final String host;

    private JavaDockerEngine(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    /** Connects to the engine $DOCKER_HOST names (default unix:///var/run/docker.sock) and checks it answers. */
    static JavaDockerEngine connect() {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        JavaDockerEngine engine = new JavaDockerEngine(DockerClientImpl.getInstance(config, http), config.getDockerHost().toString());
        try {
            engine.client.pingCmd().exec();
        } catch (RuntimeException e) {
            engine.close();
            throw NetlabException.environment("the Docker engine at " + engine.host + " does not answer (" + oneLine(e)
                    + "); start it (systemctl start docker, or dockerd &)");
        }
        return engine;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // the connections are gone either way
        }
    }

    @Override
    public Optional<ContainerState> inspect(String nameOrId) {
        try {
            InspectContainerResponse r = client.inspectContainerCmd(nameOrId).exec();
            InspectContainerResponse.ContainerState s = r.getState();
            Map<String, String> labels = r.getConfig() == null ? Map.of() : r.getConfig().getLabels();
            return Optional.of(new ContainerState(r.getId(), strip(r.getName()), r.getConfig() == null ? "" : r.getConfig().getImage(),
                    Boolean.TRUE.equals(s.getRunning()), nonNull(s.getPidLong()), nonNull(s.getExitCodeLong()),
                    r.getHostConfig() == null ? "" : String.valueOf(r.getHostConfig().getNetworkMode()), labels));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failure("cannot inspect container " + nameOrId, e);
        }
    }

    @Override
    public List<ContainerState> list(Map<String, String> labels) {
        try {
            List<ContainerState> out = new ArrayList<>();
            for (Container c : client.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec()) {
                String name = c.getNames() != null && c.getNames().length > 0 ? strip(c.getNames()[0]) : c.getId();
                out.add(new ContainerState(c.getId(), name, c.getImage(), "running".equals(c.getState()), 0, 0,
                        c.getHostConfig() == null ? "" : String.valueOf(c.getHostConfig().getNetworkMode()), c.getLabels()));
            }
            return out;
        } catch (RuntimeException e) {
            throw failure("cannot list containers", e);
        }
    }

    @Override
    public boolean imageExists(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw failure("cannot look up image " + image, e);
        }
    }

    @Override
    public void run(ContainerConfig c) {
        HostConfig hc = HostConfig.newHostConfig().withNetworkMode(c.networkMode());
        c.pidMode().ifPresent(hc::withPidMode);
        c.ipcMode().ifPresent(hc::withIpcMode);
        if (!c.mounts().isEmpty()) {
            hc.withBinds(c.mounts().stream()
                    .map(m -> new Bind(m.host(), new Volume(m.container()), m.readOnly() ? AccessMode.ro : AccessMode.rw)).toList());
        }
        if (!c.capabilities().isEmpty()) hc.withCapAdd(c.capabilities().stream().map(Capability::valueOf).toArray(Capability[]::new));
        try (CreateContainerCmd create = client.createContainerCmd(c.image())) {
            create.withName(c.name()).withLabels(c.labels()).withHostConfig(hc);
            if (!c.command().isEmpty()) create.withCmd(c.command());
            if (!c.environment().isEmpty()) {
                create.withEnv(c.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            }
            c.workdir().ifPresent(create::withWorkingDir);
            c.hostname().ifPresent(create::withHostName);
            create.exec();
        } catch (NotFoundException e) {
            throw NetlabException.environment(Images.missing(c.image()));
        } catch (ConflictException e) {
            throw NetlabException.failed("container " + c.name() + " already exists: " + oneLine(e));
        } catch (RuntimeException e) {
            throw failure("cannot create container " + c.name(), e);
        }
        try {
            client.startContainerCmd(c.name()).exec();
        } catch (RuntimeException e) {
            throw failure("cannot start container " + c.name(), e);
        }
    }

    @Override
    public void remove(String nameOrId) {
        try {
            client.removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // gone already
        } catch (ConflictException e) {
            // "removal already in progress": another down is removing it
            if (!String.valueOf(e.getMessage()).contains("in progress")) throw failure("cannot remove container " + nameOrId, e);
        } catch (RuntimeException e) {
            throw failure("cannot remove container " + nameOrId, e);
        }
    }

    @Override
    public String logTail(String nameOrId, int lines) {
        Collector out = new Collector();
        try {
            client.logContainerCmd(nameOrId).withStdOut(true).withStdErr(true).withTail(lines).exec(out).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        } finally {
            closeQuietly(out);
        }
        return (out.stdout() + out.stderr()).strip();
    }

    @Override
    public ProcResult exec(String container, List<String> argv, Duration timeout) throws InterruptedException {
        List<String> shown = new ArrayList<>(List.of("docker", "exec", container));
        shown.addAll(argv);
        String execId;
        try {
            execId = client.execCreateCmd(container).withCmd(argv.toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true)
                    .exec().getId();
        } catch (NotFoundException e) {
            // a probe that cannot run has failed, like a command in a namespace that is gone: not an error of netlab's
            return new ProcResult(shown, UNAVAILABLE, "", "container " + container + " does not exist; 'netlab up' makes it again", false);
        } catch (ConflictException e) {
            return new ProcResult(shown, UNAVAILABLE, "", "container " + container + " is not running; 'netlab up' starts it again", false);
        } catch (RuntimeException e) {
            throw failure("cannot run a command in container " + container, e);
        }
        Collector out = new Collector();
        boolean finished;
        try {
            client.execStartCmd(execId).exec(out);
            finished = out.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killExec(execId);
            throw e;
        } catch (RuntimeException e) {
            throw failure("cannot run a command in container " + container, e);
        } finally {
            closeQuietly(out);
        }
        if (!finished) {
            killExec(execId);
            return new ProcResult(shown, -1, out.stdout(), out.stderr(), true);
        }
        return new ProcResult(shown, exitCode(execId), out.stdout(), out.stderr(), false);
    }

    /** The exit code: the stream ends when the process closes it, which can be a moment before the engine reaps it. */
    private int exitCode(String execId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            InspectExecResponse r = client.inspectExecCmd(execId).exec();
            if (!Boolean.TRUE.equals(r.isRunning()) && r.getExitCodeLong() != null) return r.getExitCodeLong().intValue();
            if (System.nanoTime() > deadline) return -1;
            Thread.sleep(5);
        }
    }

    /** The engine has no call to stop an exec'd command; it runs as a host process we may signal (netlab is root). */
    private void killExec(String execId) {
        try {
            Long pid = client.inspectExecCmd(execId).exec().getPidLong();
            if (pid != null && pid > 0) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
        } catch (RuntimeException e) {
            // the command ended meanwhile, or the container is gone
        }
    }

    /** Collects an attached stream's frames into stdout and stderr text. */
    private static final class Collector extends ResultCallback.Adapter<Frame> {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame f) {
            synchronized (this) {
                (f.getStreamType() == StreamType.STDERR ? err : out).writeBytes(f.getPayload());
            }
        }

        synchronized String stdout() {
            return out.toString(StandardCharsets.UTF_8);
        }

        synchronized String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static void closeQuietly(ResultCallback.Adapter<Frame> c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private NetlabException failure(String what, RuntimeException e) {
        if (e instanceof DockerException) return NetlabException.failed(what + ": " + oneLine(e));
        // transport errors: the engine went away or never was there
        return NetlabException.environment(what + ": the Docker engine at " + host + " does not answer (" + oneLine(e) + ")");
    }

    /** docker-java wraps the engine's JSON reply ("Status 404: {\"message\":\"...\"}"): keep the message. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        String m = String.valueOf(t.getMessage());
        java.util.regex.Matcher json = java.util.regex.Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m);
        if (json.find()) m = json.group(1).replace("\\\"", "\"");
        return m.strip().replaceAll("\\s*\\n\\s*", "; ");
    }

    private static String strip(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static long nonNull(Long v) {
        return v == null ? 0 : v;
    }
}

package netlab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import netlab.errors.NetlabException;
import netlab.plan.ContainerConfig;
import netlab.process.ProcResult;

/**
 * {@link DockerEngine} through docker-java (its dependency-free transport, which talks HTTP over the engine's unix
 * socket with the JDK's own unix-socket support). Only this class names docker-java types; it is loaded the first
 * time a lab really needs Docker.
 */
final class JavaDockerEngine implements DockerEngine {
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
            if (DockerErrors.interrupted(e)) throw new netlab.errors.InterruptedByUser("interrupted while connecting to the Docker engine");
            throw NetlabException.environment("the Docker engine at " + engine.host + " does not answer (" + DockerErrors.oneLine(e)
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
            throw DockerErrors.failure(host, "cannot inspect container " + nameOrId, e);
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
            throw DockerErrors.failure(host, "cannot list containers", e);
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
            throw DockerErrors.failure(host, "cannot look up image " + image, e);
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
            throw NetlabException.failed("container " + c.name() + " already exists: " + DockerErrors.oneLine(e));
        } catch (RuntimeException e) {
            throw DockerErrors.failure(host, "cannot create container " + c.name(), e);
        }
        try {
            client.startContainerCmd(c.name()).exec();
        } catch (RuntimeException e) {
            throw DockerErrors.failure(host, "cannot start container " + c.name(), e);
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
            if (!String.valueOf(e.getMessage()).contains("in progress")) throw DockerErrors.failure(host, "cannot remove container " + nameOrId, e);
        } catch (RuntimeException e) {
            throw DockerErrors.failure(host, "cannot remove container " + nameOrId, e);
        }
    }

    @Override
    public ProcResult exec(String container, List<String> argv, Duration timeout) throws InterruptedException {
        return new JavaDockerExec(client, host).exec(container, argv, timeout);
    }

    @Override
    public String logTail(String nameOrId, int lines) {
        FrameCollector out = new FrameCollector();
        try {
            client.logContainerCmd(nameOrId).withStdOut(true).withStdErr(true).withTail(lines).exec(out).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        } finally {
            out.closeQuietly();
        }
        return (out.stdout() + out.stderr()).strip();
    }

    private static String strip(String name) {
        return name != null && name.startsWith("/") ? name.substring(1) : name;
    }

    private static long nonNull(Long v) {
        return v == null ? 0 : v;
    }
}

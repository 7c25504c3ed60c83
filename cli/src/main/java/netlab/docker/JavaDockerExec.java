package netlab.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.process.ProcResult;

/** A command run in a container through the engine's exec API, with a time limit, as a {@link ProcResult}. */
final class JavaDockerExec {
    private final DockerClient client;
    private final String host;

    JavaDockerExec(DockerClient client, String host) {
        this.client = client;
        this.host = host;
    }

    ProcResult exec(String container, List<String> argv, Duration timeout) throws InterruptedException {
        List<String> shown = new ArrayList<>(List.of("docker", "exec", container));
        shown.addAll(argv);
        String execId;
        try {
            execId = client.execCreateCmd(container).withCmd(argv.toArray(String[]::new)).withAttachStdout(true).withAttachStderr(true)
                    .exec().getId();
        } catch (NotFoundException e) {
            // a result the caller judges (a check: its probe could not run), not an error of netlab's
            return new ProcResult(shown, DockerEngine.EXEC_UNAVAILABLE, "", DockerEngine.unavailable(container) + "does not exist; 'netlab up' makes it again", false);
        } catch (ConflictException e) {
            return new ProcResult(shown, DockerEngine.EXEC_UNAVAILABLE, "", DockerEngine.unavailable(container) + "is not running; 'netlab up' starts it again", false);
        } catch (RuntimeException e) {
            throw DockerErrors.failure(host, "cannot run a command in container " + container, e);
        }
        FrameCollector out = new FrameCollector();
        boolean finished;
        try {
            client.execStartCmd(execId).exec(out);
            finished = out.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killExec(execId);
            throw e;
        } catch (RuntimeException e) {
            throw DockerErrors.failure(host, "cannot run a command in container " + container, e);
        } finally {
            out.closeQuietly();
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
}

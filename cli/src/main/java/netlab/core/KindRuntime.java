package netlab.core;

import netlab.docker.DockerAccess;
import netlab.plan.Naming;
import netlab.process.ProcessRunner;

/**
 * What node kinds need to act: the lab's naming, a way to run programs, and the way to the Docker engine
 * (opened only when a container kind first uses it).
 */
public record KindRuntime(Naming naming, ProcessRunner processes, DockerAccess docker) {
    /** For kinds that never touch Docker (and for planning, which only names things). */
    public KindRuntime(Naming naming, ProcessRunner processes) {
        this(naming, processes, DockerAccess.standard());
    }
}

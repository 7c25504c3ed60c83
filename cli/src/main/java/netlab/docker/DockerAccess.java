package netlab.docker;

import java.lang.ref.Cleaner;
import java.util.function.Supplier;
import netlab.doctor.FeatureProbe;
import netlab.process.ProcessRunner;

/**
 * The way to the Docker engine, opened on first use. Labs without containers never call {@link #engine()}, so
 * they never load the Docker client (start-up time) and never need an engine at all.
 */
public final class DockerAccess {
    private final Supplier<DockerEngine> connector;
    private DockerEngine engine;

    public DockerAccess(Supplier<DockerEngine> connector) {
        this.connector = connector;
    }

    /** The engine named by $DOCKER_HOST (default: the local socket), through docker-java. */
    public static DockerAccess standard() {
        // a lambda, not a method reference: linking a method reference would load the client's classes right away
        return new DockerAccess(() -> JavaDockerEngine.connect());
    }

    /** Connects on the first call; throws a one-line environment error when the engine does not answer. */
    public synchronized DockerEngine engine() {
        if (engine == null) {
            DockerEngine opened = connector.get();
            Cleaning.CLEANER.register(this, opened::close);
            engine = opened;
        }
        return engine;
    }

    /** Whether an engine answers, asked without loading the client (a plain HTTP ping on its socket). */
    public boolean reachable() {
        return new FeatureProbe(new ProcessRunner()).docker().available();
    }

    /**
     * Closes an engine's connections once the access that opened it is no longer used (a long shell session makes
     * many). A holder class, so its thread starts only when a lab really uses Docker.
     */
    private static final class Cleaning {
        static final Cleaner CLEANER = Cleaner.create(r -> {
            Thread t = new Thread(r, "netlab-docker-cleaner");
            t.setDaemon(true);
            return t;
        });
    }
}

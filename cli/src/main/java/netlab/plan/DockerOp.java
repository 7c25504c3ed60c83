package netlab.plan;

import java.util.Optional;

/** An operation on the Docker engine ({@link Tool#DOCKER}); the runner calls the engine, the dry run prints docker commands. */
public sealed interface DockerOp extends Op {

    @Override
    default Tool tool() {
        return Tool.DOCKER;
    }

    /**
     * Creates and starts a container (replacing one of the lab's own that no longer runs as it should), then,
     * for a container that owns its network namespace, names that namespace {@code netns}.
     */
    record Run(ContainerConfig config, Optional<String> netns) implements DockerOp {
        @Override
        public String describe() {
            return "run container " + config.name() + " (" + config.image() + ")";
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(new ObjectRef.Container(config.name()));
        }
    }

    /**
     * Names a running container's network namespace {@code netns}: skipped while the name exists, so after a
     * reboot (which empties /run/netns while containers may survive) a converging up names it again.
     */
    record AttachNetns(String container, String netns) implements DockerOp {
        @Override
        public String describe() {
            return "name the network namespace of container " + container + " " + netns;
        }

        @Override
        public Optional<ObjectRef> creates() {
            return Optional.of(new ObjectRef.Netns(netns));
        }
    }
}

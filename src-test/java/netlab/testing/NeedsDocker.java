package netlab.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test that builds labs with containers: needs root, iproute2 and a Docker engine that answers.
 * Skipped, with the reason printed, only where Docker cannot run; CI starts the engine and builds netlab's images
 * first (a missing image is a failure, not a skip: scripts/build-images.sh makes them).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@Tag("docker")
@ExtendWith(DockerCondition.class)
public @interface NeedsDocker {}

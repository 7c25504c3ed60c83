package netlab.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test that runs labs inside the User-Mode-Linux kernel (scripts/uml-lane.sh), for kernel features
 * the host may lack. Skipped, with the reason printed, only where /usr/bin/linux.uml is missing; CI installs it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("integration")
@Tag("uml")
@ExtendWith(UmlCondition.class)
public @interface NeedsUml {}

package netlab.runtime;

import netlab.plan.ObjectRef;

/** What already exists, so a converging {@code up} skips creating it again. */
public interface Observed {
    /** A fresh lab: nothing exists yet, nothing to look up. */
    Observed NOTHING = ref -> false;

    boolean exists(ObjectRef ref) throws InterruptedException;
}

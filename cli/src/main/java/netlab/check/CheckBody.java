package netlab.check;

import java.time.Duration;
import netlab.model.LabModel;
import netlab.source.Diagnostics;

/**
 * The probe of one check kind (ping, exec, fdb…): its settings, how to validate them against the lab, and one
 * attempt at it. Timeouts, retries and the expected outcome are applied around it by {@link CheckRunner}.
 */
public interface CheckBody {
    /** The key that selects this kind in a topology ("ping"). */
    String kind();

    /** A short description used as the check's name when it has none ("ping h1 -> h2"). */
    String describe();

    default java.time.Duration defaultTimeout() {
        return Duration.ofSeconds(5);
    }

    /** What the machine must have for this check (a tool such as tcpdump or curl). */
    default java.util.Set<netlab.doctor.Feature> features() {
        return java.util.Set.of();
    }

    /** Probes this check runs inside itself (a capture's {@code during}): for what walks every probe of a topology. */
    default java.util.List<CheckBody> nested() {
        return java.util.List.of();
    }

    /**
     * The node this probe sends its traffic from, when it has one (ping, tcp, http, spread): a capture counts the
     * frames that left it while the probe ran as its {@code during} action, since "sent" by the probe's own account
     * is not always on the wire (the kernel can drop an echo it was given before any frame goes out).
     */
    default java.util.Optional<String> sender() {
        return java.util.Optional.empty();
    }

    /**
     * Which checks this one may run beside, when its topology does not say ({@link Sharing}). By default it runs
     * alone: a probe that may change what another observes must say it does not.
     */
    default Sharing sharing() {
        return Sharing.ALONE;
    }

    /**
     * How this check runs when its topology says {@code alone: false}: an exec check that only reads runs with the
     * table readers; empty for a check that must always run alone (a capture watches a window of time, needs_lease
     * changes etcd).
     */
    default java.util.Optional<Sharing> whenNotAlone() {
        return java.util.Optional.of(sharing() == Sharing.ALONE ? Sharing.READS : sharing());
    }

    /**
     * The address this probe's traffic goes to, when it has one (with {@link #sender}: what the host's neighbour
     * table must hold for it, estimated before checks run; see {@link NeighbourBudget}).
     */
    default java.util.Optional<netlab.net.IpAddress> destination(CheckContext ctx) throws InterruptedException {
        return java.util.Optional.empty();
    }

    /** Reports references to nodes, interfaces or switches that do not exist, with their positions. */
    void validate(LabModel model, Diagnostics diags);

    /**
     * One attempt. Must finish within {@code timeout} (give it to the tool you run) and never throw for a failed probe.
     * Each kind says in its documentation what "ran" means for it, and returns {@link Observation#couldNotRun} (or
     * throws {@link CouldNotRun}) when its probe did not do what it must for the observation to mean anything.
     */
    Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException;

    /**
     * One attempt as everyone but the kind itself calls it: a probe that breaks (a node's namespace gone, a tool
     * missing, a table that cannot be read) could not run; it is not a crash, and not a failure either.
     */
    default Observation observe(CheckContext ctx, Duration timeout) throws InterruptedException {
        try {
            return attempt(ctx, timeout);
        } catch (InterruptedException e) {
            throw e;
        } catch (CouldNotRun e) {
            return Observation.couldNotRun(e.getMessage());
        } catch (RuntimeException e) {
            return Observation.couldNotRun(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}

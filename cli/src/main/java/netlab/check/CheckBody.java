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

    /** Reports references to nodes, interfaces or switches that do not exist, with their positions. */
    void validate(LabModel model, Diagnostics diags);

    /** One attempt. Must finish within {@code timeout} (give it to the tool you run) and never throw for a failed probe. */
    Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException;
}

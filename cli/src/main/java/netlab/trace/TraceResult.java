package netlab.trace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a trace found: the probe's path hop by hop, whether it was delivered and, if not, where and why it stopped;
 * the answer's path; the rules that saw it.
 *
 * @param macOwners which node interface a MAC address belongs to, to name addresses in the report
 * @param ipOwners  which node interface an IP address belongs to
 */
public record TraceResult(String lab, String from, String to, String destination, Probe probe, boolean delivered, String verdict,
                          String answer, List<Hop> request, List<Hop> reply, List<String> rules, List<String> notListened,
                          Map<String, String> macOwners, Map<String, String> ipOwners) {
    public Optional<Hop> lastOnPath() {
        return request.stream().filter(Hop::onPath).reduce((a, b) -> b);
    }
}

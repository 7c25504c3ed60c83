package netlab.check;

import java.util.List;
import java.util.Optional;

/**
 * What the echoes of one ping came back with: how many requests the kernel took, the replies (each once, by
 * sequence number), the ICMP errors that came back for them (a router's or the sender's own "host unreachable"),
 * or, when nothing was sent, the kernel's refusal of a route to the destination.
 *
 * @param refused the kernel's answer when it would not route to the destination at all ("connect: Network is
 *                unreachable"): then nothing was sent
 */
public record Echoes(int sent, List<Reply> replies, List<String> errors, Optional<String> refused) {
    /** One echo reply: its sequence number, the TTL (hop limit) it arrived with, its round trip. */
    public record Reply(int seq, int ttl, double rttMillis) {}

    public Echoes {
        replies = List.copyOf(replies);
        errors = List.copyOf(errors);
    }

    /** The kernel refused a route to the destination: no echo was sent. */
    public static Echoes refused(String why) {
        return new Echoes(0, List.of(), List.of(), Optional.of(why));
    }
}

package netlab.trace;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sightings of a trace sorted by what they are: the probe itself, its answer, ICMP errors about it. Anything
 * else that was on the wire is left out.
 */
record Classified(List<Sighting> request, List<Sighting> reply, List<Sighting> errors) {

    static Classified of(List<Sighting> all, Probe probe, String sourceNode) {
        List<Sighting> req = new ArrayList<>(), rep = new ArrayList<>(), err = new ArrayList<>();
        Optional<Long> isn = probe.protocol().equals("tcp") ? initialSequence(all, probe, sourceNode) : Optional.empty();
        byte[] isnBytes = isn.map(v -> ByteBuffer.allocate(4).putInt((int) (long) v).array()).orElse(null);
        for (Sighting s : all) {
            Packet p = s.packet().innermost();
            if (p.transport().isEmpty()) continue;
            Packet.Transport t = p.transport().get();
            boolean icmpError = isIcmpError(t);
            switch (probe.protocol()) {
                case "icmp" -> {
                    if (!PacketDecoder.contains(s.frame(), probe.marker())) continue;
                    if (icmpError) err.add(s);
                    else if (t.icmpType() == 8 || t.icmpType() == 128) req.add(s);
                    else if (t.icmpType() == 0 || t.icmpType() == 129) rep.add(s);
                }
                case "udp" -> {
                    if (!PacketDecoder.contains(s.frame(), probe.marker())) continue;
                    if (icmpError) err.add(s);
                    else if (t.kind().equals("udp")) req.add(s);
                }
                default -> {
                    if (isn.isEmpty()) continue;
                    if (icmpError && PacketDecoder.contains(s.frame(), isnBytes)) err.add(s);
                    else if (!t.kind().equals("tcp")) continue;
                    else if (t.tcpFlags().equals("SYN") && t.tcpSeq() == isn.get()) req.add(s);
                    else if (t.tcpAck() == ((isn.get() + 1) & 0xffffffffL) && (t.tcpFlags().contains("SYN") || t.tcpFlags().contains("RST"))) rep.add(s);
                }
            }
        }
        return new Classified(firstTransmission(req), firstTransmission(rep), err);
    }

    /**
     * Only the first transmission: an unanswered SYN is sent again (same sequence number, new IP id), and its
     * copies would look like a second path. NAT keeps the IP id, so the id tells the transmissions apart.
     */
    private static List<Sighting> firstTransmission(List<Sighting> sightings) {
        Optional<Sighting> first = sightings.stream().min(java.util.Comparator.comparingLong(Sighting::nanos));
        if (first.isEmpty() || first.get().packet().innermost().ip().map(ip -> ip.version() != 4).orElse(true)) return sightings;
        int id = first.get().packet().innermost().ip().get().id();
        return sightings.stream().filter(s -> s.packet().innermost().ip().map(ip -> ip.id() == id).orElse(false)).toList();
    }

    private static boolean isIcmpError(Packet.Transport t) {
        return t.kind().equals("icmp") && (t.icmpType() == 3 || t.icmpType() == 11)
                || t.kind().equals("icmpv6") && (t.icmpType() == 1 || t.icmpType() == 3);
    }

    /** The TCP probe's SYN is the first one the sending node put on the wire toward the probed port. */
    private static Optional<Long> initialSequence(List<Sighting> all, Probe probe, String sourceNode) {
        return all.stream()
                .filter(s -> s.at().node().map(sourceNode::equals).orElse(false))
                .filter(s -> s.packet().innermost().transport().map(t -> t.kind().equals("tcp") && t.tcpFlags().equals("SYN")
                        && t.dstPort() == probe.port()).orElse(false))
                .filter(s -> s.packet().innermost().ip().map(ip -> ip.dst().equals(probe.destination().toString())).orElse(false))
                .min(java.util.Comparator.comparingLong(Sighting::nanos))
                .map(s -> s.packet().innermost().transport().get().tcpSeq());
    }
}

package netlab.trace;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import netlab.net.IpAddress;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;
import netlab.runtime.NodeExec;

/**
 * The one packet a trace sends, and how it is recognised wherever it goes, also after NAT rewrote its addresses
 * and ports and inside tunnels: ICMP echo and UDP carry a random 16-byte marker in their payload (it survives NAT
 * and encapsulation; ICMP errors quote it back); a TCP SYN has no payload, so it is known by its initial sequence
 * number, which NAT leaves alone.
 */
public record Probe(String protocol, IpAddress destination, int port, Optional<String> sourceInterface, byte[] marker) {

    public static Probe of(String protocol, IpAddress destination, int port, Optional<String> sourceInterface) {
        byte[] r = new byte[6];
        new SecureRandom().nextBytes(r);
        byte[] marker = ("nltrace-" + HexFormat.of().formatHex(r).substring(0, 8)).getBytes(StandardCharsets.US_ASCII);
        return new Probe(protocol, destination, port, sourceInterface, marker);
    }

    public String markerText() {
        return new String(marker, StandardCharsets.US_ASCII);
    }

    /** Sends it from the node (with the host's ping/bash in the node's network namespace) and waits for the answer. */
    ProcResult send(NodeExec exec, String node, ProcessRunner processes) throws InterruptedException {
        List<String> argv = new ArrayList<>();
        String dst = destination.toString();
        switch (protocol) {
            case "icmp" -> {
                argv.addAll(List.of("ping", "-n", "-c", "1", "-W", "2", "-p", HexFormat.of().formatHex(marker)));
                if (destination.isV6()) argv.add("-6");
                sourceInterface.ifPresent(s -> argv.addAll(List.of("-I", s)));
                argv.add(dst);
            }
            case "udp" -> argv.addAll(List.of("bash", "-c", "printf %s " + markerText() + " > /dev/udp/" + dst + "/" + port));
            default -> argv.addAll(List.of("timeout", "3", "bash", "-c",
                    "exec 3<>/dev/tcp/" + dst + "/" + port + " && printf %s " + markerText() + " >&3"));
        }
        return processes.run(exec.inNetns(node, argv), null, Duration.ofSeconds(10));
    }

    public String describe() {
        return switch (protocol) {
            case "icmp" -> "ICMP echo";
            case "udp" -> "UDP to port " + port;
            default -> "TCP connection to port " + port;
        };
    }
}

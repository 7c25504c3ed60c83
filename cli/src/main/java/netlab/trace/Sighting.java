package netlab.trace;

/**
 * The probe (or its answer) seen once: where, when (kernel capture time, nanoseconds; all namespaces share one
 * clock), and the frame as it was there.
 */
public record Sighting(CapturePoint at, long nanos, byte[] frame, Packet packet) {}

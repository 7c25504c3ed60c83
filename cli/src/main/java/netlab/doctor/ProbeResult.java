package netlab.doctor;

/** Whether one feature is available here, and if not, why (the tool's own words). */
public record ProbeResult(Feature feature, boolean available, String detail) {}

package netlab.capture;

/**
 * An interface of a running lab to capture on: named as the user knows it ({@code label}, NODE:IFACE), found in the
 * kernel as {@code ifname} in network namespace {@code netns}, described in the pcapng file by {@code description}.
 */
public record Tap(String label, String netns, String ifname, String description) {}

package netlab.plan;

import java.util.Optional;

/**
 * A host file or directory made visible in a container ({@code mounts: ["/srv/www:/www:ro"]}).
 *
 * @param host      absolute path on the host
 * @param container absolute path in the container
 */
public record BindMount(String host, String container, boolean readOnly) {

    /** Reads "HOST:CONTAINER" or "HOST:CONTAINER:ro|rw"; empty with {@code why} filled when it is not one. */
    public static Optional<BindMount> parse(String text, StringBuilder why) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            why.append("a mount is HOST:CONTAINER or HOST:CONTAINER:ro, not '").append(text).append('\'');
            return Optional.empty();
        }
        boolean ro = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                why.append("the mode of mount '").append(text).append("' must be ro or rw, not '").append(parts[2]).append('\'');
                return Optional.empty();
            }
            ro = parts[2].equals("ro");
        }
        // relative host paths would depend on the directory netlab runs in (and on the stored copy of the topology)
        if (!parts[0].startsWith("/")) {
            why.append("the host path of mount '").append(text).append("' must be absolute");
            return Optional.empty();
        }
        if (!parts[1].startsWith("/")) {
            why.append("the container path of mount '").append(text).append("' must be absolute");
            return Optional.empty();
        }
        return Optional.of(new BindMount(parts[0], parts[1], ro));
    }

    @Override
    public String toString() {
        return host + ":" + container + (readOnly ? ":ro" : "");
    }
}

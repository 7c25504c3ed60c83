package netlab.docker;

/** The images netlab's own examples and pods use, built locally by scripts/build-images.sh (never pulled). */
public final class Images {
    /** Busybox (sh, ip, ping, wget, httpd, nc, ps…); runs "sleep infinity" unless given a command. */
    public static final String BUSYBOX = "netlab/busybox:1";
    /** A pod's first container: holds its namespaces, reaps orphans as PID 1. */
    public static final String PAUSE = "netlab/pause:1";

    private Images() {}

    public static boolean isNetlabs(String image) {
        return image.equals(BUSYBOX) || image.equals(PAUSE);
    }

    /** What to tell a user whose image is not on this machine. */
    public static String missing(String image) {
        return "image " + image + " is not on this machine and netlab never pulls: "
                + (isNetlabs(image) ? "build netlab's images with scripts/build-images.sh"
                : "get it with 'docker pull " + image + "' or 'docker load', or build it");
    }
}

package netlab.routing.runtime;

import java.nio.file.Path;
import java.util.regex.Pattern;
import netlab.routing.config.FrrDaemon;

/**
 * Where one node's FRR keeps its files: a directory of its own the caller gives (under the lab's work directory,
 * which {@code down} removes). The daemons see this directory as their {@code /run} (see {@link FrrView}), so every
 * path FRR uses, including the ones it does not let us choose, lands in it:
 * <pre>
 * DIR/frr.conf, DIR/vtysh.conf     the integrated configuration (vtysh -b reads it) and an empty vtysh.conf
 * DIR/DAEMON.pid, DIR/DAEMON.vty   each daemon's pid file and vty socket (-i /run/DAEMON.pid, --vty_socket /run)
 * DIR/DAEMON.log                   each daemon's output and log (--log stdout)
 * DIR/frr/PATHSPACE/zserv.api      zebra's socket for the other daemons, at FRR's default for -N PATHSPACE
 * DIR/frr/ospfd-gr.json            what ospfd keeps for graceful restart (FRR's run directory, /var/run/frr)
 * DIR/tmp/frr/DAEMON.PID/          FRR's crash-log buffers (its fixed /var/tmp/frr), left behind by a killed daemon
 * </pre>
 *
 * @param dir       absolute; the node's own
 * @param pathspace FRR's {@code -N}: names the node's daemons (in {@code ps}, in their socket directory)
 */
public record FrrLayout(Path dir, String pathspace) {
    /** Where the daemons and vtysh see {@link #dir}. */
    public static final String INSIDE = "/run";
    /** FRR refuses '/' and '.' in -N; the rest of the name ends up in socket paths (at most 107 bytes). */
    private static final Pattern PATHSPACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,80}");

    public FrrLayout {
        if (!dir.isAbsolute()) throw new IllegalArgumentException("FRR's directory must be absolute: " + dir);
        dir = dir.normalize();
        if (!PATHSPACE.matcher(pathspace).matches()) throw new IllegalArgumentException("not an FRR pathspace: " + pathspace);
    }

    /**
     * The node's layout: {@code -N} is the lab and node names joined by '-' (both are letters, digits, '-' and '_',
     * so the name needs no quoting anywhere). Two labs may give the same name; it only labels them, each node's
     * daemons have a directory of their own.
     */
    public static FrrLayout of(Path dir, String lab, String node) {
        return new FrrLayout(dir, lab + "-" + node);
    }

    public Path config() {
        return dir.resolve("frr.conf");
    }

    public Path vtyshConfig() {
        return dir.resolve("vtysh.conf");
    }

    public Path pidFile(FrrDaemon d) {
        return dir.resolve(d.program() + ".pid");
    }

    public Path vtySocket(FrrDaemon d) {
        return dir.resolve(d.program() + ".vty");
    }

    public Path log(FrrDaemon d) {
        return dir.resolve(d.program() + ".log");
    }

    /** FRR's run directory (/var/run/frr in the daemons' view), which -N needs to exist for its own directory. */
    public Path frrRunDir() {
        return dir.resolve("frr");
    }

    public Path zservSocket() {
        return frrRunDir().resolve(pathspace).resolve("zserv.api");
    }

    /** Bound on the daemons' /var/tmp. */
    public Path tmp() {
        return dir.resolve("tmp");
    }

    /** The pid file as the daemon sees it. */
    public static String insidePidFile(FrrDaemon d) {
        return INSIDE + "/" + d.program() + ".pid";
    }

    /**
     * A daemon's vty socket reached through the daemon's own root ({@code /proc/PID/root/run/DAEMON.vty}): the path
     * is short whatever the work directory (a socket path has at most 107 bytes), and it exists only once the process
     * is the daemon in its own view.
     */
    public static Path vtyOfProcess(long pid, FrrDaemon d) {
        return Path.of("/proc", Long.toString(pid), "root", "run", d.program() + ".vty");
    }
}

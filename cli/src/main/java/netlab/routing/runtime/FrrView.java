package netlab.routing.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command line that runs an FRR program (a daemon, or vtysh) as FRR must run in a lab node: in the node's
 * network namespace, in a mount namespace of its own where the node's FRR directory is bound on {@code /run} and
 * its {@code tmp} on {@code /var/tmp}. FRR writes to fixed places besides the paths it is given ({@code -N} makes
 * /var/run/frr/NAME even when every path is given; ospfd keeps /var/run/frr/ospfd-gr.json; every daemon makes
 * /var/tmp/frr/DAEMON.PID for its crash log): in this view they all land in the node's directory, and nothing is
 * written on the host. The binds are private to the program and die with it.
 *
 * <pre>ip netns exec NETNS [setsid] unshare --mount --propagation private -- sh -c SCRIPT netlab-frr DIR DIR/tmp PROGRAM ARGS...</pre>
 * SCRIPT is a constant: the directories and the program arrive as its positional parameters, never as shell text.
 * The bind whose target hides the other's source goes last: with the state directory under /run (the default),
 * binding DIR on /run first would leave DIR/tmp nowhere to be found.
 * Each step execs the next, so the PID of the process started is the program's own.
 */
public final class FrrView {
    static final String SCRIPT = "case \"$1\" in /run/*) mount -n --bind -- \"$2\" /var/tmp && mount -n --bind -- \"$1\" /run ;; *) mount -n --bind -- \"$1\" /run && mount -n --bind -- \"$2\" /var/tmp ;; esac && shift 2 && exec \"$@\"";
    /** The name the script runs under ($0), for ps and error messages. */
    static final String NAME = "netlab-frr";
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private FrrView() {}

    /**
     * @param ownSession a daemon starts a session of its own, so a Ctrl-C meant for netlab's terminal does not reach it
     */
    public static List<String> argv(String netns, FrrLayout layout, boolean ownSession, List<String> program) {
        checkNetns(netns);
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        if (ownSession) argv.add("setsid");
        argv.addAll(List.of("unshare", "--mount", "--propagation", "private", "--", "sh", "-c", SCRIPT, NAME,
                layout.dir().toString(), layout.tmp().toString()));
        argv.addAll(program);
        return argv;
    }

    /** A namespace name becomes an argument of ip: it must not look like an option or a path. */
    public static String checkNetns(String netns) {
        if (!NETNS.matcher(netns).matches()) throw new IllegalArgumentException("not a namespace name: " + netns);
        return netns;
    }
}

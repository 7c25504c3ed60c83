package netlab.console;

import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.net.IpAddress;
import netlab.topology.Names;

/**
 * Node names as typed on the command line or in the shell ({@code h1}, {@code web/app}, {@code h1:eth1}, or an
 * address where a probe goes), checked by the topology's own rules before they are looked up: a name with '/', '..',
 * a leading '-', a space or a newline is refused in one line (exit 2) and reaches no path, namespace name or program.
 */
public final class NodeArgument {
    private NodeArgument() {}

    /** A node, or a pod's member as {@code pod/member}; returned as given. */
    public static String node(String arg) {
        int slash = arg.indexOf('/');
        check(Names.checkNode(slash < 0 ? arg : arg.substring(0, slash)));
        if (slash >= 0) check(Names.checkNode(arg.substring(slash + 1)).map(m -> "container " + m.replaceFirst("^node ", "")));
        return arg;
    }

    /** {@code node[/member]} with an optional {@code :interface}; returned as given. */
    public static String endpoint(String arg) {
        int colon = arg.indexOf(':');
        node(colon < 0 ? arg : arg.substring(0, colon));
        if (colon >= 0) check(Names.checkIfname(arg.substring(colon + 1), "interface name"));
        return arg;
    }

    /** Where a probe goes: an address, or an endpoint. */
    public static String target(String arg) {
        return IpAddress.parse(arg).isPresent() ? arg : endpoint(arg);
    }

    private static void check(Optional<String> problem) {
        if (problem.isPresent()) throw NetlabException.usage(problem.get());
    }
}

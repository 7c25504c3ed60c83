package netlab.routing.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.errors.NetlabException;
import netlab.routing.config.FrrDaemon;

/**
 * Where FRR is installed and who its daemons run as: Debian's frr package puts the daemons in /usr/lib/frr, vtysh
 * in /usr/bin, and makes the user and group frr the daemons drop to after start (they keep the capabilities they
 * need).
 */
public record FrrInstall(Path daemonDir, Path vtysh, String user, String group) {
    public static final FrrInstall DEBIAN = new FrrInstall(Path.of("/usr/lib/frr"), Path.of("/usr/bin/vtysh"), "frr", "frr");

    public Path daemon(FrrDaemon d) {
        return daemonDir.resolve(d.program());
    }

    /** Fails (exit 3) naming what is missing of what these daemons need. */
    public void check(Iterable<FrrDaemon> daemons) {
        List<String> missing = new ArrayList<>();
        for (FrrDaemon d : daemons) if (!Files.isExecutable(daemon(d))) missing.add(daemon(d).toString());
        if (!Files.isExecutable(vtysh)) missing.add(vtysh.toString());
        if (!missing.isEmpty()) {
            throw NetlabException.environment("FRR is not installed (missing " + String.join(", ", missing) + "); install the frr package"
                    + " (apt-get install frr)");
        }
    }
}

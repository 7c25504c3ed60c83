package netlab.importing;

import netlab.errors.NetlabException;
import netlab.topology.Names;

/** The --name of an import: a valid lab name, or a usage error before anything is read. */
final class LabNameOption {
    private LabNameOption() {}

    static void check(String name) {
        if (name != null) Names.checkLab(name).ifPresent(msg -> {
            throw NetlabException.usage("--name: " + msg);
        });
    }
}

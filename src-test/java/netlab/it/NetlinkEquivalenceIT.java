package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabDown;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.process.ProcessRunner;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same plan run over netlink from the JVM and through iproute2 processes leaves the kernel in the same
 * state (links, flags, bridge ports, addresses, routes): the netlink encoding means what the printed commands say.
 */
@NeedsRoot
class NetlinkEquivalenceIT {
    @TempDir
    Path stateDir;

    private String build(String topology, boolean netlink) throws Exception {
        String name = Labs.uniqueName(netlink ? "nl" : "ip");
        LabEnv env = new LabEnv(BuiltIn.catalog(), new StateStore(stateDir), new ProcessRunner(), LabEnv.standardRunners(netlink), Progress.SILENT);
        LoadedLab lab = LabLoader.fromFile(BuiltIn.catalog(), Labs.topology(topology), Optional.of(name));
        new LabUp(env).up(lab, true, false);
        try {
            return snapshot(name);
        } finally {
            new LabDown(env).down(netlab.state.LabName.of(name), true);
            assertThat(Leftovers.namespaces(name)).isEmpty();
        }
    }

    private static String snapshot(String lab) {
        StringBuilder sb = new StringBuilder();
        for (String ns : Leftovers.namespaces(lab)) {
            String node = ns.substring(("netlab." + lab).length());
            sb.append("== ").append(node).append('\n');
            for (String[] cmd : new String[][] {{"-d", "-br", "link"}, {"-br", "addr"}, {"route"}, {"-6", "route"}}) {
                String[] argv = new String[cmd.length + 3];
                argv[0] = "ip";
                argv[1] = "-n";
                argv[2] = ns;
                System.arraycopy(cmd, 0, argv, 3, cmd.length);
                sb.append(Shell.stdout(argv));
            }
            sb.append(Shell.stdout("ip", "-n", ns, "-d", "link", "show").replaceAll("(?m)^\\s+link/ether \\S+ brd \\S+", "")
                    .replaceAll("\\w+_timer\\s+\\S+", "").replaceAll("link-netns \\S+", "").replaceAll("alias \\S+", "")
                    .replaceAll("bridge_id \\S+|designated_\\w+ \\S+|root_id \\S+", ""));
        }
        // MACs and interface indexes are random per build; names, flags, masters, addresses and routes are not
        return sb.toString().replace(lab, "LAB").replaceAll("([0-9a-f]{2}:){5}[0-9a-f]{2}", "MAC")
                .replaceAll("@if\\d+", "@ifN").replaceAll("(?m)^\\d+: ", "N: ").replaceAll("\\bUNKNOWN\\b", "UP").replaceAll(" +", " "); // a bridge goes UNKNOWN -> UP on its own
    }

    private void same(String topology) throws Exception {
        String viaNetlink = build(topology, true), viaIp = build(topology, false);
        if (!viaNetlink.equals(viaIp)) {
            java.nio.file.Files.writeString(stateDir.getParent().resolve("netlink-" + topology + ".txt"), viaNetlink);
            java.nio.file.Files.writeString(stateDir.getParent().resolve("iproute2-" + topology + ".txt"), viaIp);
        }
        assertThat(viaNetlink).isEqualTo(viaIp);
    }

    @Test
    void routerLabIsTheSameBothWays() throws Exception {
        same("router.yaml");
    }

    @Test
    void hubLabIsTheSameBothWays() throws Exception {
        same("hub.yaml");
    }
}

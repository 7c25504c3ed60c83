package netlab.model.build;

import java.util.HashSet;
import java.util.Set;
import netlab.text.Fingerprint;
import netlab.topology.Names;

/**
 * Names switch ports (veth ends in the lab's fabric namespace). Readable when it fits ("h1-eth1"), otherwise a
 * stable hash ("p3fa2c1"); always unique in the namespace and stable for the same topology, so a re-run of
 * {@code up} finds the ports it made before.
 */
final class PortNamer {
    private final Set<String> used = new HashSet<>();

    PortNamer(Set<String> switchNames) {
        used.addAll(switchNames);
        used.add("lo");
    }

    String forNode(String node, String iface) {
        return pick(node + "-" + iface, node + ":" + iface);
    }

    String forSwitchLink(String from, String to) {
        return pick(from + "-" + to, from + ">" + to);
    }

    private String pick(String readable, String key) {
        if (readable.length() <= Names.IFNAME_MAX && readable.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") && used.add(readable)) {
            return readable;
        }
        for (int n = 0; ; n++) {
            String name = "p" + hash(key + (n == 0 ? "" : "#" + n));
            if (used.add(name)) return name;
        }
    }

    private static String hash(String s) {
        return Fingerprint.hex(5, s);
    }
}

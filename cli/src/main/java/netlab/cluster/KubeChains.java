package netlab.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * kube-proxy's iptables vocabulary (iptables mode): its chain names, the packet mark that asks for a masquerade,
 * and how a service's chain picks an endpoint at random. Per-service and per-endpoint chain names end in a hash, as
 * kube-proxy's do, so they fit iptables' 28 characters whatever the names.
 */
final class KubeChains {
    static final String SERVICES = "KUBE-SERVICES";
    static final String NODEPORTS = "KUBE-NODEPORTS";
    static final String POSTROUTING = "KUBE-POSTROUTING";
    static final String MARK_MASQ = "KUBE-MARK-MASQ";
    static final String MASQ_MARK = "0x4000/0x4000";
    static final String FLANNEL_POSTROUTING = "FLANNEL-POSTRTG";

    private KubeChains() {}

    static String service(ServiceSpec s) {
        return "KUBE-SVC-" + hash(s.name() + "/" + s.protocol(), 8);
    }

    static String endpoint(ServiceSpec s, String pod) {
        return "KUBE-SEP-" + hash(s.name() + "/" + s.protocol() + "/" + pod, 8);
    }

    static String loadBalancer(ServiceSpec s) {
        return "NETLAB-LB-" + hash(s.name() + "/" + s.protocol(), 4);
    }

    /**
     * The statistic match that sends a connection to the i-th of n endpoints: the first with probability 1/n, the
     * next with 1/(n-1) of what is left, ..., the last takes the rest (no match), so each gets 1/n.
     */
    static List<String> pick(int i, int n) {
        if (i == n - 1) return List.of();
        return List.of("-m", "statistic", "--mode", "random", "--probability", String.format(Locale.ROOT, "%.10f", 1.0 / (n - i)));
    }

    static List<String> port(String protocol, int port) {
        return List.of("-p", protocol, "-m", protocol, "--dport", Integer.toString(port));
    }

    private static String hash(String text, int bytes) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(h, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

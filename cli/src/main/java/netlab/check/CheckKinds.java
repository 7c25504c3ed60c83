package netlab.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.check.kinds.CaptureCheck;
import netlab.check.kinds.ExecCheck;
import netlab.check.kinds.FdbCheck;
import netlab.check.kinds.HttpCheck;
import netlab.check.kinds.LeaseCheck;
import netlab.check.kinds.NeedsLeaseCheck;
import netlab.check.kinds.SpreadCheck;
import netlab.check.kinds.NeighbourCheck;
import netlab.check.kinds.PingCheck;
import netlab.check.kinds.TcpCheck;
import netlab.check.kinds.ReachabilityCheck;

/** Every check kind netlab knows, by the key that selects it in a topology. */
public final class CheckKinds {
    private static final List<CheckKind> ALL = List.of(
            new PingCheck.Kind(),
            new ExecCheck.Kind(),
            new FdbCheck.Kind(),
            new NeighbourCheck.Kind("neighbour"),
            new NeighbourCheck.Kind("arp"),
            new CaptureCheck.Kind(),
            new HttpCheck.Kind(),
            new TcpCheck.Kind(),
            new ReachabilityCheck.Kind(),
            new LeaseCheck.Kind(),
            new NeedsLeaseCheck.Kind(),
            new SpreadCheck.Kind());

    private static final Map<String, CheckKind> BY_KEY = index();

    private CheckKinds() {}

    private static Map<String, CheckKind> index() {
        Map<String, CheckKind> m = new LinkedHashMap<>();
        for (CheckKind k : ALL) m.put(k.key(), k);
        return m;
    }

    public static Set<String> keys() {
        return java.util.Collections.unmodifiableSet(BY_KEY.keySet());
    }

    public static CheckKind get(String key) {
        CheckKind k = BY_KEY.get(key);
        if (k == null) throw new IllegalArgumentException("unknown check kind " + key);
        return k;
    }
}

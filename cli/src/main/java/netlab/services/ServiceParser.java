package netlab.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.kind.KindEntry;
import netlab.kind.Registry;
import netlab.plan.Service;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;
import netlab.yaml.YNode;
import netlab.yaml.YSeq;

/** Reads a node's {@code services:}: {@code - http}, {@code - http: {port: 8080}}, {@code - tcp: {port: 7000}}. */
public final class ServiceParser {
    private ServiceParser() {}

    public static List<Service> parse(YSeq seq, String node, Diagnostics d, Registry<ServiceKind> kinds) {
        List<Service> out = new ArrayList<>();
        Map<Integer, Pos> ports = new HashMap<>();
        for (YNode item : seq.items()) {
            KindEntry.item(item, "a service of node '" + node + "'", kinds, d).ifPresent(e -> {
                ServiceKind kind = e.kind();
                String where = "the " + kind.key() + " service of node '" + node + "'";
                int before = d.count();
                Service s = kind.parse(Fields.of(e.body(), d, where, kind.fields()), where);
                // a service already reported (no port, a bad one) would only add a confusing "two services" error
                Pos other = d.count() > before ? null : ports.putIfAbsent(s.port(), s.pos());
                if (other != null) {
                    d.error(s.pos(), "node '" + node + "' has two services on tcp port " + s.port() + " (the other at line " + other.line() + ")");
                }
                out.add(s);
            });
        }
        return out;
    }
}

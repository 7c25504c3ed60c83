package netlab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.check.CheckKind;
import netlab.check.kinds.CaptureCheck;
import netlab.check.kinds.ExecCheck;
import netlab.check.kinds.FdbCheck;
import netlab.check.kinds.HttpCheck;
import netlab.check.kinds.NeighbourCheck;
import netlab.check.kinds.PingCheck;
import netlab.check.kinds.ReachabilityCheck;
import netlab.check.kinds.SpreadCheck;
import netlab.check.kinds.TcpCheck;
import netlab.cluster.ClusterExtension;
import netlab.core.Catalog;
import netlab.core.Extension;
import netlab.core.InterfaceType;
import netlab.interfaces.BridgeType;
import netlab.interfaces.GreType;
import netlab.interfaces.GretapType;
import netlab.interfaces.LoopbackType;
import netlab.interfaces.VethType;
import netlab.interfaces.VlanType;
import netlab.interfaces.VxlanType;
import netlab.kind.Registry;
import netlab.nodes.ContainerNode;
import netlab.nodes.NamespaceNode;
import netlab.nodes.PodNode;
import netlab.routing.extension.RoutingExtension;
import netlab.rules.RulesExtension;
import netlab.rules.kinds.DnatRule;
import netlab.rules.kinds.FilterRule;
import netlab.rules.kinds.MasqueradeRule;
import netlab.rules.kinds.SnatRule;
import netlab.services.DnsService;
import netlab.services.HttpService;
import netlab.services.ServicesExtension;
import netlab.services.TcpService;

/**
 * The composition root: every kind and extension netlab is built with, in one place. Adding a node kind, an
 * interface type, a check, rule or service kind, or an extension is its own package plus one line here. The lists
 * are explicit (no scanning, no reflection: start-up stays cheap), and the catalog is made on first use, once.
 */
public final class BuiltIn {
    private BuiltIn() {}

    /** Every kind and extension, made on first use; immutable. */
    public static Catalog catalog() {
        return Holder.CATALOG;
    }

    private static final class Holder {
        static final Catalog CATALOG = make();
    }

    private static Catalog make() {
        List<Extension> extensions = List.of(
                new ClusterExtension(),
                new RulesExtension(Registry.of("rule kind", List.of(
                        new MasqueradeRule.Kind(),
                        new SnatRule.Kind(),
                        new DnatRule.Kind(),
                        new FilterRule.Kind("accept"),
                        new FilterRule.Kind("drop"),
                        new FilterRule.Kind("reject")))),
                new ServicesExtension(Registry.of("service kind", List.of(
                        new HttpService.Kind(),
                        new TcpService.Kind(),
                        new DnsService.Kind()))),
                new RoutingExtension());

        List<CheckKind> checks = new ArrayList<>(List.of(
                new PingCheck.Kind(),
                new ExecCheck.Kind(),
                new FdbCheck.Kind(),
                new NeighbourCheck.Kind("neighbour"),
                new NeighbourCheck.Kind("arp"),
                new CaptureCheck.Kind(),
                new HttpCheck.Kind(),
                new TcpCheck.Kind(),
                new ReachabilityCheck.Kind(),
                new SpreadCheck.Kind()));
        for (Extension e : extensions) checks.addAll(e.checkKinds());

        return new Catalog(
                Registry.of("node kind", List.of(
                        new NamespaceNode(),
                        new ContainerNode(),
                        new PodNode())),
                Registry.keyed("interface type", byName(List.of(
                        new VethType(),
                        new LoopbackType(),
                        new BridgeType(),
                        new VlanType(),
                        new VxlanType(),
                        new GreType(),
                        new GretapType()))),
                Registry.of("check kind", checks),
                extensions);
    }

    private static Map<String, InterfaceType> byName(List<InterfaceType> types) {
        Map<String, InterfaceType> m = new LinkedHashMap<>();
        for (InterfaceType t : types) m.put(t.name(), t);
        return m;
    }
}

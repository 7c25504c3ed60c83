package netlab.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.app.BuiltIn;
import netlab.core.Extension;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.net.IpAddress;
import netlab.plan.Naming;
import netlab.plan.build.Planner;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Labs;
import netlab.testing.Topologies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The expected state read off a lab's plan: every op of every example understood, and what it implies. */
class ExpectedStateTest {
    private static final LabEnv ENV = LabEnv.standard(BuiltIn.catalog(), new StateStore(Path.of(StateStore.DEFAULT_DIR)), Progress.SILENT);

    static ExpectedState.Lab expected(LoadedLab lab) {
        Naming naming = ENV.naming(lab.name());
        Map<String, Expected.PodNetwork> dynamic = new java.util.LinkedHashMap<>();
        for (Extension e : BuiltIn.catalog().extensions()) dynamic.putAll(e.dynamicEntries(lab.model(), naming));
        return ExpectedState.of(Planner.plan(lab.model(), ENV.kindRuntime(lab.name()), ENV.catalog()), lab.model(), naming, dynamic);
    }

    static Expected node(ExpectedState.Lab lab, String name, String node) {
        return lab.namespaces().values().stream().filter(e -> e.owner().equals(node)).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> everyOpOfEveryExampleIsUnderstood() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Labs.repo().resolve("topologies"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            LoadedLab lab = LabLoader.fromFile(BuiltIn.catalog(), f, Optional.empty());
            ExpectedState.Lab e = expected(lab);
            assertThat(e.notUnderstood()).as("plan lines of %s the expected state does not understand", f.getFileName()).isEmpty();
            // one namespace per node and the fabric, each with its loopback
            assertThat(e.namespaces()).hasSize(lab.model().nodes().size() + 1);
            e.namespaces().values().forEach(ns -> assertThat(ns.links()).containsKey("lo"));
        }));
    }

    @Test
    void routerNodesHaveTheirAddressesRoutesAndForwarding() {
        ExpectedState.Lab e = expected(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology("router.yaml"), Optional.empty()));
        Expected h1 = node(e, "router", "h1");
        assertThat(h1.routes()).containsExactly(new Expected.Route(false, "0.0.0.0/0", Optional.of(IpAddress.of("10.1.1.254")), Optional.empty(), 0, false));
        assertThat(h1.addresses()).extracting(a -> a.dev() + " " + a.cidr()).containsExactly("eth1 10.1.1.1/24");
        assertThat(h1.links().get("eth1").kind()).isEqualTo("veth");
        assertThat(h1.links().get("eth1").mtu()).hasValue(1500);
        assertThat(h1.links().get("eth1").up()).isTrue();
        assertThat(h1.links().get("lo").alias()).hasValueSatisfying(a -> assertThat(a).startsWith("netlab:router:"));
        assertThat(h1.sysctls()).containsEntry("net.ipv4.ip_forward", "0");
        assertThat(node(e, "router", "r1").sysctls()).containsEntry("net.ipv4.ip_forward", "1").containsEntry("net.ipv6.conf.all.forwarding", "1");
        assertThat(h1.rules()).isEmpty();
    }

    @Test
    void switchPortsBelongToTheirBridgeInTheFabricAndAHubDoesNotLearn() {
        ExpectedState.Lab e = expected(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology("hub.yaml"), Optional.empty()));
        Expected fabric = e.namespaces().values().stream().filter(Expected::fabric).findFirst().orElseThrow();
        Expected.Link hub = fabric.links().values().stream().filter(l -> l.kind().equals("bridge")).findFirst().orElseThrow();
        assertThat(hub.info()).containsEntry("ageing_time", 0L).containsEntry("stp_state", 0L);
        Expected.Link port = fabric.links().values().stream().filter(l -> l.master().isPresent()).findFirst().orElseThrow();
        assertThat(port.master()).hasValue(hub.name());
        assertThat(port.port()).containsEntry("learning", 0L).containsEntry("flood", 1L).containsEntry("hairpin", 0L);
        assertThat(port.peer()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("eth1"));
        assertThat(fabric.links().get("lo").up()).as("the fabric's loopback stays down").isFalse();
    }

    @Test
    void vxlanDevicesWithTheirStaticEntriesAndBridges() {
        ExpectedState.Lab e = expected(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology("vxlan.yaml"), Optional.empty()));
        Expected vtep1 = node(e, "vxlan", "vtep1");
        Expected.Link vxA = vtep1.links().get("vxA");
        assertThat(vxA.kind()).isEqualTo("vxlan");
        assertThat(vxA.info()).containsEntry("id", 100L).containsEntry("learning", 0L).containsEntry("dstport", 4789L);
        assertThat(vxA.mtu()).as("the underlay's 1500 less VXLAN's 50").hasValue(1450);
        assertThat(vxA.master()).hasValue("brA");
        assertThat(vtep1.links().get("brA").mtu()).as("a bridge follows its smallest port").hasValue(1450);
        assertThat(vtep1.fdb()).extracting(Expected.Fdb::describe)
                .containsExactlyInAnyOrder("00:00:00:00:00:00 dev vxA dst 10.0.2.1", "02:00:00:00:0a:02 dev vxA dst 10.0.2.1",
                        "00:00:00:00:00:00 dev vxB dst 10.0.2.1");
    }

    @Test
    void rulesServersAndThePodNetworkOfACluster() {
        ExpectedState.Lab nat = expected(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology("nat.yaml"), Optional.empty()));
        assertThat(node(nat, "nat", "r1").rules()).hasValueSatisfying(r -> assertThat(r.restoreInput()).contains("*nat").contains("-j MASQUERADE"));
        assertThat(node(nat, "nat", "internet").listeners()).containsEntry(80, "http :80").containsEntry(7000, "tcp :7000");

        ExpectedState.Lab k8s = expected(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology("k8s-flannel-vxlan.yaml"), Optional.empty()));
        Expected node1 = node(k8s, "k8s", "node1");
        assertThat(node1.podNetwork().ownsDevice("flannel.1")).isTrue();
        assertThat(node1.links().get("flannel.1").mac()).isPresent();
        assertThat(node1.links().get("vethpod1").port()).containsEntry("hairpin", 1L);
        assertThat(node(k8s, "k8s", "etcd").listeners()).containsKey(2379);
        assertThat(node(k8s, "k8s", "pod1").podNetwork().ownsDevice("flannel.1")).isFalse();
    }

    @Test
    void aNodeMayKeepWhatIsAddedToItByHand() {
        LoadedLab lab = Topologies.load("""
                name: keep
                nodes:
                  h1: {keep_extra: true, interfaces: {eth1: 10.0.0.1/24}}
                  h2: {interfaces: {eth1: 10.0.0.2/24}}
                links: [[h1:eth1, h2:eth1]]
                """);
        ExpectedState.Lab e = expected(lab);
        assertThat(node(e, "keep", "h1").keepExtra()).isTrue();
        assertThat(node(e, "keep", "h2").keepExtra()).isFalse();
        assertThat(Topologies.errors("""
                name: keep
                nodes:
                  h1: {keep_extra: sure}
                """)).containsExactly("3:20: 'keep_extra' in node 'h1' must be true or false, not a string 'sure'");
    }
}

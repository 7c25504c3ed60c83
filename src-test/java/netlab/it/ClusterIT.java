package netlab.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import netlab.json.Json;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.Labs;
import netlab.testing.Leftovers;
import netlab.testing.NeedsRoot;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster labs beyond their own checks (ExampleLabsIT runs those): the subnet table in etcd changed at runtime
 * (a lease released and written back, a node joining through up and leaving), a node's kernel out of step with etcd
 * and brought back, a lease another node holds, etcd's process and data directory gone after down, a second up
 * that changes nothing; and the checks of each lab failing once the mechanism they prove is taken away.
 */
@NeedsRoot
class ClusterIT {
    static final String VXLAN = "k8s-flannel-vxlan.yaml";
    static final String LEASE_CHECK = "node2's lease names its real flannel.1 MAC, and node1 holds the route, neighbour and FDB entry it calls for";

    @TempDir
    Path stateDir;
    @TempDir
    Path work;

    private final List<String> labs = new ArrayList<>();

    private Cli cli() {
        return Cli.withStateDir(stateDir);
    }

    private String lab(String hint) {
        String name = Labs.uniqueName(hint);
        labs.add(name);
        return name;
    }

    @AfterEach
    void nothingLeft() {
        for (String l : labs) {
            cli().run("down", l);
            assertThat(Leftovers.namespaces(l)).as("namespaces left by " + l).isEmpty();
            assertThat(etcdProcessesOf(l)).as("etcd processes left by " + l).isEmpty();
        }
        assertThat(Leftovers.stateFiles(stateDir)).isEmpty();
    }

    private static Cli.Result ok(Cli.Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** pod1 (10.1.15.2) pings pod5 (10.1.20.5) once. */
    private boolean pod1ReachesPod5(String lab) {
        return cli().run("exec", "-l", lab, "pod1", "--", "ping", "-c1", "-W1", "10.1.20.5").exitCode() == 0;
    }

    private Cli.Result check(String lab, String name) {
        return cli().run("check", lab, "-c", name);
    }

    @Test
    void releasingALeaseCutsTheWayAndWritingItBackRestoresIt() {
        String lab = lab("k8s-lease");
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        assertThat(pod1ReachesPod5(lab)).isTrue();

        Cli.Result removed = ok(cli().run("cluster", "remove-node", "-l", lab, "node2"));
        assertThat(removed.out()).contains("node2: lease released in etcd")
                .contains("node1: - route 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink")
                .contains("- neighbour 10.1.20.0 lladdr").contains("- fdb ");
        assertThat(pod1ReachesPod5(lab)).as("without node2's lease node1 has no way to node2's pods").isFalse();
        assertThat(Shell.run("ip", "-n", "netlab." + lab + ".node1", "route", "show", "10.1.20.0/24")).isBlank();
        assertThat(check(lab, LEASE_CHECK).exitCode()).as("the lease check notices the lease is gone").isEqualTo(1);
        Cli.Result inspect = ok(cli().run("inspect", "-l", lab, "node1"));
        assertThat(inspect.out()).contains("subnet table in etcd (http://192.168.0.2:2379), backend vxlan")
                .contains("10.1.15.0/24  192.168.0.11").doesNotContain("10.1.20.0/24  192.168.0.12");

        Cli.Result added = ok(cli().run("cluster", "add-node", "-l", lab, "node2"));
        assertThat(added.out()).contains("node2: leased 10.1.20.0/24 -> 192.168.0.12 (vxlan, VtepMAC 0e:6e:")
                .contains("node1: + fdb").contains("+ route 10.1.20.0/24 via 10.1.20.0 dev flannel.1 onlink");
        assertThat(pod1ReachesPod5(lab)).isTrue();
        assertThat(check(lab, LEASE_CHECK).exitCode()).isZero();
        assertThat(ok(cli().run("inspect", "-l", lab, "node1")).out())
                .containsPattern("10\\.1\\.20\\.0/24 +192\\.168\\.0\\.12 +vxlan +0e:6e:\\S+ +node2 +10\\.1\\.20\\.0/24 via 10\\.1\\.20\\.0 dev flannel\\.1 onlink"
                        + " +10\\.1\\.20\\.0 lladdr \\S+ PERMANENT dev flannel\\.1 +\\S+ dst 192\\.168\\.0\\.12 dev flannel\\.1");
    }

    @Test
    void aNodeOutOfStepWithEtcdIsSeenAndBroughtBack() {
        String lab = lab("k8s-drift");
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        String node1 = "netlab." + lab + ".node1";
        assertThat(Shell.exitCode("ip", "-n", node1, "neigh", "del", "10.1.20.0", "dev", "flannel.1")).isZero();
        assertThat(Shell.exitCode("ip", "-n", node1, "route", "add", "10.1.99.0/24", "via", "10.1.99.0", "dev", "flannel.1", "onlink")).isZero();
        Cli.Result leases = cli().run("cluster", "leases", "-l", lab);
        assertThat(leases.exitCode()).as(leases.toString()).isEqualTo(1);
        assertThat(leases.out()).contains("node1: NOT in step with etcd").contains("missing: 10.1.20.0 lladdr")
                .contains("not called for by any lease: route 10.1.99.0/24 via 10.1.99.0 dev flannel.1 onlink").contains("node2: in step with etcd");
        assertThat(check(lab, LEASE_CHECK).exitCode()).isEqualTo(1);

        Cli.Result sync = ok(cli().run("cluster", "sync", "-l", lab));
        assertThat(sync.out()).contains("node1: + neighbour 10.1.20.0 lladdr").contains("- route 10.1.99.0/24 via 10.1.99.0 dev flannel.1 onlink").contains("node2: in step with etcd");
        assertThat(ok(cli().run("cluster", "leases", "-l", lab)).out()).contains("node1: in step with etcd");
        assertThat(ok(cli().run("cluster", "sync", "-l", lab)).out()).as("a second sync changes nothing")
                .contains("node1: in step with etcd").contains("node2: in step with etcd");

        // up converges the same way
        assertThat(Shell.exitCode("ip", "-n", node1, "route", "del", "10.1.20.0/24", "dev", "flannel.1")).isZero();
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        assertThat(pod1ReachesPod5(lab)).isTrue();
    }

    @Test
    void aNodeJoinsThroughUpAndLeavesThroughRemoveNode() throws Exception {
        String lab = lab("k8s-join");
        Path file = work.resolve("cluster.yaml");
        String two = Files.readString(Labs.topology(VXLAN));
        Files.writeString(file, two);
        ok(cli().run("up", "--name", lab, file.toString()));

        String three = two.replace("  pod5: {}\n", "  pod5: {}\n  node3: {interfaces: {eth0: 192.168.0.13/24}}\n  pod9: {}\n")
                .replace("  - [node2:eth0, underlay]\n", "  - [node2:eth0, underlay]\n  - [node3:eth0, underlay]\n")
                .replace("      pods: {pod5: 10.1.20.5}\n", "      pods: {pod5: 10.1.20.5}\n    node3:\n      underlay: eth0\n      subnet: 10.1.30.0/24\n"
                        + "      pods: {pod9: 10.1.30.9}\n");
        assertThat(three).contains("node3").contains("pod9: 10.1.30.9");
        Files.writeString(file, three);
        Cli.Result up = ok(cli().run("up", "--name", lab, file.toString()));
        assertThat(up.err()).contains("it differed from its topology; restored 2 namespaces");
        assertThat(cli().run("exec", "-l", lab, "pod1", "--", "ping", "-c1", "-W1", "10.1.30.9").exitCode()).as("node1 learned node3's lease").isZero();
        assertThat(cli().run("exec", "-l", lab, "pod9", "--", "ping", "-c1", "-W1", "10.1.20.5").exitCode()).as("node3 learned node2's").isZero();
        assertThat(Shell.run("ip", "netns", "exec", "netlab." + lab + ".etcd", "etcdctl", "get", "--keys-only", "--prefix", "/coreos.com/network/subnets/"))
                .contains("10.1.15.0-24").contains("10.1.20.0-24").contains("10.1.30.0-24");

        Cli.Result removed = ok(cli().run("cluster", "remove-node", "-l", lab, "node3"));
        assertThat(removed.out()).contains("node1: - route 10.1.30.0/24").contains("node2: - route 10.1.30.0/24");
        assertThat(cli().run("exec", "-l", lab, "pod1", "--", "ping", "-c1", "-W1", "10.1.30.9").exitCode()).isNotZero();
        assertThat(pod1ReachesPod5(lab)).as("the others still reach each other").isTrue();
    }

    @Test
    void aSubnetAnotherNodeHoldsIsNeverTakenOver() {
        String lab = lab("k8s-taken");
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        String etcd = "netlab." + lab + ".etcd";
        assertThat(Shell.run("ip", "netns", "exec", etcd, "etcdctl", "put", "/coreos.com/network/subnets/10.1.20.0-24",
                "{\"PublicIP\":\"192.168.0.99\",\"BackendType\":\"vxlan\",\"BackendData\":{\"VtepMAC\":\"0e:00:00:00:00:99\"}}")).contains("OK");
        Cli.Result add = cli().run("cluster", "add-node", "-l", lab, "node2");
        assertThat(add.exitCode()).as(add.toString()).isEqualTo(5);
        assertThat(add.err()).contains("subnet 10.1.20.0/24 is already leased in etcd to 192.168.0.99; node node2 (192.168.0.12) cannot take it");
        Cli.Result up = cli().run("up", "--name", lab, Labs.topology(VXLAN).toString());
        assertThat(up.exitCode()).as(up.toString()).isEqualTo(5);
        assertThat(up.err()).contains("already leased in etcd to 192.168.0.99");
        assertThat(Shell.run("ip", "netns", "exec", etcd, "etcdctl", "get", "--print-value-only", "/coreos.com/network/subnets/10.1.20.0-24"))
                .contains("192.168.0.99");
        // the lease is given up: up takes the subnet again
        Shell.run("ip", "netns", "exec", etcd, "etcdctl", "del", "/coreos.com/network/subnets/10.1.20.0-24");
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        assertThat(pod1ReachesPod5(lab)).isTrue();
    }

    @Test
    void etcdRunsInsideTheLabAndDownRemovesItsProcessAndData() throws Exception {
        String lab = lab("k8s-etcd");
        ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        LabState.ProcessRecord etcd = new StateStore(stateDir).load(netlab.state.LabName.of(lab)).orElseThrow().processes().stream()
                .filter(p -> p.what().equals("etcd :2379")).findFirst().orElseThrow();
        assertThat(etcd.node()).isEqualTo("etcd");
        assertThat(ProcessHandle.of(etcd.pid())).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
        assertThat(netnsInode("/proc/" + etcd.pid() + "/ns/net")).as("etcd lives in the etcd node's namespace")
                .isEqualTo(netnsInode("/run/netns/netlab." + lab + ".etcd")).isNotEqualTo(netnsInode("/proc/1/ns/net"));
        Path dataDir = stateDir.resolve("labs").resolve(lab).resolve("work/services/etcd-etcd-2379/data");
        assertThat(dataDir.resolve("member")).isDirectory();
        assertThat(Files.readString(Path.of("/proc/" + etcd.pid() + "/cmdline")).replace('\0', ' '))
                .contains("--data-dir " + dataDir).contains("--listen-client-urls http://192.168.0.2:2379,http://127.0.0.1:2379");
        assertThat(etcdProcessesOf(lab)).containsExactly(etcd.pid());

        Cli.Result again = ok(cli().run("up", "--name", lab, Labs.topology(VXLAN).toString()));
        assertThat(again.err()).as("a second up changes nothing").contains("it was already; nothing was missing");
        assertThat(etcdProcessesOf(lab)).as("and starts no second etcd").containsExactly(etcd.pid());

        Cli.Result down = ok(cli().run("down", lab));
        assertThat(down.err()).contains("process");
        labs.remove(lab);
        assertThat(ProcessHandle.of(etcd.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(etcdProcessesOf(lab)).isEmpty();
        assertThat(dataDir).doesNotExist();
        assertThat(Leftovers.namespaces(lab)).isEmpty();
    }

    @Test
    void withoutTheMasqueradeTheOutsideSeesPodAddressesAndCannotAnswer() throws Exception {
        assertThat(failedChecks("k8s-egress.yaml", "k8s-nomasq", t -> t.replace("  masquerade: true ", "  masquerade: false "))).containsExactly(
                "pod1 reaches the internet web server, which sees node1's address, not pod1's",
                "pod5 on node2 leaves with node2's address",
                "no packet with a pod address reaches the internet",
                "pod1 pings the internet across node1 and r1");
    }

    @Test
    void withoutTheServiceTheClusterIpAndNodePortAreDead() throws Exception {
        List<String> failed = failedChecks("k8s-service.yaml", "k8s-nosvc", t -> t.substring(0, t.indexOf("  services:\n")) + t.substring(t.indexOf("checks:\n")));
        assertThat(failed).containsExactly(
                "the client pod reaches the ClusterIP",
                "30 connections to the ClusterIP reach every endpoint, on both nodes",
                "from a pod, the endpoint sees the pod's own address (DNAT only, no masquerade)",
                "kube-proxy's chains on node2 pick one of three endpoints at random",
                "an outside client reaches every endpoint through node1's NodePort",
                "and through node2's NodePort");
    }

    @Test
    void aServiceOverFewerPodsFailsTheSpread() throws Exception {
        List<String> failed = failedChecks("k8s-service.yaml", "k8s-fewer", t -> t.replace("endpoints: [web1, web2, web3]", "endpoints: [web1, web3]"));
        assertThat(failed).contains("30 connections to the ClusterIP reach every endpoint, on both nodes",
                "an outside client reaches every endpoint through node1's NodePort");
    }

    @Test
    void withoutTheLoadBalancerTheClientReachesNothing() throws Exception {
        List<String> failed = failedChecks("k8s-ingress.yaml", "k8s-nolb", t -> t.replace(
                "      load_balancer: {node: lb, address: 203.0.113.10}    # port: the service's, 80\n", ""));
        assertThat(failed).containsExactly(
                "the external client reaches a pod through the balancer's address",
                "30 connections to the balancer reach both pods, one on each node",
                "the balancer sends them to the nodes' NodePort from its own address");
    }

    @Test
    void podsOnOneNodeNeedTheBridge() {
        String lab = lab("k8s-unplug");
        ok(cli().run("up", "--name", lab, Labs.topology("k8s-same-node.yaml").toString()));
        String ping = "pod1 reaches pod2 on the same node, no router on the way";
        assertThat(check(lab, ping).exitCode()).isZero();
        assertThat(Shell.exitCode("ip", "-n", "netlab." + lab + ".node1", "link", "set", "dev", "vethpod2", "nomaster")).isZero();
        assertThat(check(lab, ping).exitCode()).as("pod2's veth end out of cni0: the pods share no segment").isEqualTo(1);
    }

    /** Runs a changed copy of a topology with netlab test and returns the names of the checks that failed. */
    private List<String> failedChecks(String topology, String hint, UnaryOperator<String> edit) throws Exception {
        String original = Files.readString(Labs.topology(topology));
        String changed = edit.apply(original);
        assertThat(changed).as("the edit applies").isNotEqualTo(original);
        Path file = work.resolve(hint + ".yaml");
        Files.writeString(file, changed);
        String lab = lab(hint);
        Cli.Result r = cli().run("test", "--json", "--name", lab, file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        List<String> failed = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(r.out())).get("checks");
        for (Map<String, Object> c : checks) if (!Boolean.TRUE.equals(c.get("passed"))) failed.add((String) c.get("name"));
        return failed;
    }

    private static long netnsInode(String path) {
        try {
            return ((Number) Files.getAttribute(Path.of(path), "unix:ino")).longValue();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** etcd processes whose data directory is this lab's (by its command line, read from /proc). */
    private List<Long> etcdProcessesOf(String lab) {
        String mine = stateDir.resolve("labs").resolve(lab).resolve("work").toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/etcd")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(mine)).orElse(false))
                .map(ProcessHandle::pid).toList();
    }
}

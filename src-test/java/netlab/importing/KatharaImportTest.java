package netlab.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netlab import kathara on small made-up labs in Kathará's layout: what maps one to one becomes netlab's keys, network
 * commands stay commands, everything else is listed (stderr and the file), and the output is a topology netlab's
 * own parser accepts.
 */
class KatharaImportTest {
    @TempDir
    Path dir;

    private void file(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Cli.Result importLab(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "import";
        args[1] = "kathara";
        args[2] = dir.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return new Cli().run(args);
    }

    private static LoadedLab load(String yaml) {
        return LabLoader.fromText(netlab.app.BuiltIn.catalog(), yaml, "imported.yaml", "/imported.yaml", Optional.empty());
    }

    /** A router lab with a web server behind a random load balancer, written with iproute2 and net-tools. */
    private void routerLab() throws IOException {
        file("lab.conf", """
                LAB_DESCRIPTION="two LANs and a balancer"
                r1[0]="A/02:00:00:00:00:a1"
                r1[1]=B
                r1[image]="kathara/base"
                pc1[0]=A
                lb[0]=B
                lb[1]=C
                ws1[0]=C
                ws2[0]=C
                """);
        file("r1.startup", """
                # addresses
                ip address add 10.0.1.1/24 dev eth0
                ifconfig eth1 10.0.2.1 netmask 255.255.255.0 up
                tc qdisc add dev eth1 root netem delay 10ms 5ms
                ip link set dev eth0 txqueuelen 100
                """);
        file("pc1.startup", "ip addr add 10.0.1.5/24 dev eth0\nroute add default gw 10.0.1.1 dev eth0\nip -6 route add 2001:db8:9::/64 via fe80::1 dev eth0\n");
        file("lb.startup", """
                ip address add 10.0.2.2/24 dev eth0
                ip address add 10.0.3.1/24 dev eth1
                route add -net 10.0.1.0 netmask 255.255.255.0 gw 10.0.2.1
                iptables --table nat --append PREROUTING --destination 10.0.2.2 -p tcp --dport 80 --match statistic --mode random --probability 0.5 --jump DNAT --to-destination 10.0.3.10:80
                iptables -t nat -A PREROUTING -d 10.0.2.2 -p tcp --dport 80 -j DNAT --to-destination 10.0.3.11:80
                """);
        file("ws1.startup", "ip address add 10.0.3.10/24 dev eth0\nip route add default via 10.0.3.1\nsystemctl start apache2\n");
        file("ws1/var/www/html/index.html", "<html><body><h1>Server One</h1></body></html>\n");
        file("ws2.startup", "ip address add 10.0.3.11/24 dev eth0\nip route add default via 10.0.3.1\n/etc/init.d/apache2 start\n");
        file("ws2/var/www/html/index.html", "<h1>Server Two</h1>\n");
    }

    @Test
    void addressesRoutesRulesImpairmentsAndWebServersBecomeNetlabsOwnKeys() throws IOException {
        routerLab();
        Cli.Result r = importLab("--name", "imp");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoadedLab lab = load(r.out());
        ModelNode r1 = lab.model().nodes().get("r1");
        assertThat(r1.interfaces().get("eth0").addresses()).hasToString("[10.0.1.1/24]");
        assertThat(r1.interfaces().get("eth1").addresses()).hasToString("[10.0.2.1/24]");
        assertThat(r.out()).contains("mac: \"02:00:00:00:00:a1\"").contains("impairment: {\"delay\": \"10ms\", \"jitter\": \"5ms\"}")
                .contains("- {to: \"default\", via: \"10.0.1.1\", dev: \"eth0\"}")
                .contains("- {to: \"10.0.1.0/24\", via: \"10.0.2.1\"}")
                // a link-local next hop with its dev is a route too
                .contains("- {to: \"2001:db8:9::/64\", via: \"fe80::1\", dev: \"eth0\"}")
                .contains("- dnat: {destination: \"10.0.2.2\", protocol: \"tcp\", port: 80, probability: 0.5, to: \"10.0.3.10:80\"}")
                .contains("\"index.html\": \"<html><body><h1>Server One</h1></body></html>\\n\"")
                // a network command that maps to no key stays a command of the node
                .contains("- \"ip link set dev eth0 txqueuelen 100\"")
                .contains("SECURITY").contains("forwarding: true");
        assertThat(netlab.check.CheckSpec.of(lab.topology())).extracting(c -> c.name()).contains(
                "neighbours on A (10.0.1.0/24) reach each other", "lb spreads connections to 10.0.2.2 over ws1, ws2",
                "lb fetches the page of ws1", "lb fetches the page of ws2");
        assertThat(r.out()).contains("contains\": \"Server One\"");
    }

    @Test
    void whatCannotBeImportedIsListedOnStderrAndInTheFileNeverDroppedSilently() throws IOException {
        file("lab.conf", "pc1[0]=A\npc1[bridged]=true\npc2[0]=A\npc2[ipv6]=false\nthis is not a lab line\n");
        file("pc1.startup", "ip address add 10.0.0.1/24 dev eth0\nsystemctl start bind9\necho nameserver 1.1.1.1 > /etc/resolv.conf\n");
        file("pc2.startup", "ip address add 10.0.0.2/24 dev eth0\n/etc/init.d/frr start\n");
        file("pc1/etc/bind/named.conf", "options {};\n");
        Cli.Result r = importLab();
        assertThat(r.exitCode()).as(r.toString()).isZero();
        load(r.out());
        for (String expected : new String[] {"lab.conf:2: pc1[bridged]", "pc1.startup:2: start bind9", "pc1.startup:3: echo nameserver",
                "pc2.startup:2: start frr (no configuration for it", "pc1/etc/bind/named.conf", "lab.conf:5: this is not a lab line",
                "lab.conf:4: pc2[ipv6]=false"}) {
            assertThat(r.err()).contains("not imported: " + expected);
            assertThat(r.out()).contains("#   - " + expected);
        }
        // a command touching files would act on the host from a namespace node: never kept
        assertThat(r.out()).doesNotContain("resolv.conf\"");
    }

    @Test
    void aBridgeInsideADeviceIsABridgeInterfaceWithItsPorts() throws IOException {
        file("lab.conf", "b1[0]=A\nb1[1]=B\npc1[0]=A\npc2[0]=B\n");
        file("b1.startup", "ip link add name br0 type bridge\nip link set dev eth0 master br0\nip link set eth1 master br0\nip link set up dev br0\n");
        file("pc1.startup", "ip addr add 10.0.0.1/24 dev eth0\n");
        file("pc2.startup", "ip addr add 10.0.0.2/24 dev eth0\n");
        Cli.Result r = importLab();
        LoadedLab lab = load(r.out());
        assertThat(r.out()).contains("type: \"bridge\"").contains("ports: [\"eth0\", \"eth1\"]");
        assertThat(lab.model().nodes().get("b1").interfaces()).containsKey("br0");
    }

    @Test
    void aDeviceOfAnotherImageIsAContainerWithItsFilesMountedReadOnlyFromTheLab() throws IOException {
        file("lab.conf", "r1[0]=A\nr1[image]=\"kathara/bird\"\nr2[0]=A\nr2[image]=\"kathara/frr\"\n");
        file("r1.startup", "ip address add 10.0.0.1/24 dev eth0\nsystemctl start bird\n");
        file("r1/etc/bird/bird.conf", "router id 10.0.0.1;\n");
        // a device of another image that needs nothing of it is a namespace node
        file("r2.startup", "ip address add 10.0.0.2/24 dev eth0\n");
        Cli.Result r = importLab();
        LoadedLab lab = load(r.out());
        assertThat(lab.model().nodes().get("r1").kind()).isEqualTo("container");
        assertThat(lab.model().nodes().get("r2").kind()).isEqualTo("namespace");
        assertThat(r.out()).contains("image: \"kathara/bird\"").contains("- \"systemctl start bird\"")
                .contains(dir.toRealPath().resolve("r1/etc/bird/bird.conf") + ":/etc/bird/bird.conf:ro");
    }

    /**
     * A routing lab as Kathará's are written: FRR's integrated frr.conf, Quagga's per-daemon files with a daemons
     * file, Netkit's /etc/init.d/zebra. Each device's configuration becomes its node's routing frr text (a namespace
     * node: nothing else of the image is needed), log lines left out; checks prove the routing: mutual BGP sessions
     * come up, an OSPF domain's routers reach each other once it has converged.
     */
    @Test
    void aDevicesFrrOrQuaggaConfigurationIsItsRoutingFrrTextWithChecksThatProveIt() throws IOException {
        file("lab.conf", """
                r1[0]=A
                r1[1]=B
                r1[image]="kathara/frr"
                r2[0]=B
                r2[1]=C
                r2[image]="kathara/quagga"
                r3[0]=C
                r3[1]=D
                r3[image]="kathara/quagga"
                r4[0]=D
                r4[image]="kathara/frr"
                """);
        file("r1.startup", "ip address add 10.0.1.1/24 dev eth0\nip address add 10.0.12.1/24 dev eth1\nsystemctl start frr\n");
        file("r1/etc/frr/daemons", "zebra=yes\nospfd=yes\n");
        file("r1/etc/frr/frr.conf", "log file /var/log/frr/frr.log\nrouter ospf\n! a comment inside the block\nnetwork 10.0.0.0/16 area 0.0.0.0\n");
        file("r1/etc/frr/vtysh.conf", "service integrated-vtysh-config\n");
        file("r2.startup", "ip address add 10.0.12.2/24 dev eth0\nip address add 10.0.23.2/24 dev eth1\nsystemctl start quagga\n");
        file("r2/etc/quagga/daemons", "zebra=yes\nospfd=yes\nripd=no\n");
        file("r2/etc/quagga/zebra.conf", "hostname zebra\npassword zebra\nlog file /var/log/quagga/zebra.log\n");
        file("r2/etc/quagga/ospfd.conf", "router ospf\n network 10.0.0.0/16 area 0.0.0.0\n");
        file("r2/etc/quagga/ripd.conf", "router rip\n network 10.0.0.0/16\n");
        file("r3.startup", "ip address add 10.0.23.3/24 dev eth0\nip address add 10.0.34.3/24 dev eth1\n/etc/init.d/zebra start\n");
        file("r3/etc/zebra/daemons", "zebra=yes\nospfd=yes\nbgpd=yes\n");
        file("r3/etc/zebra/ospfd.conf", "router ospf\nnetwork 10.0.0.0/16 area 0.0.0.0\npassive-interface eth1\n");
        file("r3/etc/zebra/bgpd.conf", "router bgp 3\nneighbor 10.0.34.4 remote-as 4\nneighbor 10.0.99.9 remote-as 9\n");
        // a lesson where the student starts FRR by hand: the node runs it from the start, and says so
        file("r4.startup", "ip address add 10.0.34.4/24 dev eth0\n");
        file("r4/etc/frr/frr.conf", "router bgp 4\n neighbor 10.0.34.3 remote-as 3\n");
        Cli.Result r = importLab("--name", "rt");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoadedLab lab = load(r.out());
        for (String n : new String[] {"r1", "r2", "r3", "r4"}) {
            assertThat(lab.model().nodes().get(n).kind()).as(n).isEqualTo("namespace");
            assertThat(netlab.routing.extension.RoutingNodes.of(lab.model().nodes().get(n).spec())).as(n).isPresent();
        }
        String r2 = netlab.routing.extension.RoutingNodes.of(lab.model().nodes().get("r2").spec()).orElseThrow().frr().orElseThrow().text();
        assertThat(r2).contains("hostname zebra").contains("router ospf\n network 10.0.0.0/16").doesNotContain("router rip").doesNotContain("log file");
        String r3 = netlab.routing.extension.RoutingNodes.of(lab.model().nodes().get("r3").spec()).orElseThrow().frr().orElseThrow().text();
        assertThat(r3).contains("router ospf").contains("router bgp 3");
        assertThat(r.out()).contains("r1: its routing configuration (r1/etc/frr/frr.conf) is the node's routing frr text, without its log lines").doesNotContain("Not imported");
        assertThat(r.err()).doesNotContain("not imported");
        assertThat(r.out()).contains("r4: its startup does not start frr (the lab has it started by hand); the node runs its configuration");
        assertThat(netlab.check.CheckSpec.of(lab.topology())).extracting(c -> c.name() + " | " + c.body().describe() + " | " + c.retries())
                .contains("BGP session r3 - r4 (10.0.34.4) is up | bgp r3 neighbour 10.0.34.4 Established | 0",
                        // r3's eth1 is passive: r4 is not in the domain, and r3's first address (eth0) is advertised
                        "routers of the OSPF domain of r1 reach each other (routes ospf learned) | reachability r1,r2,r3 -> r1,r2,r3 | 45")
                .noneMatch(c -> c.contains("10.0.99.9"));
    }

    @Test
    void hostileLabsNeverReadOutsideTheirDirectoryNorReachTheYamlOrTheHost() throws IOException {
        Path outside = Files.createDirectory(dir.resolveSibling(dir.getFileName() + "-outside"));
        try {
            Files.writeString(outside.resolve("secret.html"), "SECRET");
            Files.createDirectory(dir.resolve("lab"));
            Path lab = dir.resolve("lab");
            Files.writeString(lab.resolve("lab.conf"), """
                    LAB_DESCRIPTION="x\\"\\nname: evil"
                    web[0]="A\\"]"
                    web[1]="B"
                    ../up[0]=A
                    pc[0]=B
                    """);
            Files.writeString(lab.resolve("web.startup"), "ip addr add 10.0.0.1/24 dev eth1\nsystemctl start apache2\n"
                    + "ip link set eth1 netns 1\nip netns exec x sh\nsysctl -w kernel.panic=1\niptables -A INPUT -j DROP; rm -rf /\n");
            Files.writeString(lab.resolve("pc.startup"), "ip addr add 10.0.0.2/24 dev eth0\n");
            Files.createDirectories(lab.resolve("web/var/www"));
            // the web root is a link out of the lab, and so is a page
            Files.createSymbolicLink(lab.resolve("web/var/www/html"), outside);
            Files.createDirectories(lab.resolve("web/etc"));
            Files.createSymbolicLink(lab.resolve("web/etc/page.html"), outside.resolve("secret.html"));
            Cli.Result r = new Cli().run("import", "kathara", lab.toString());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).doesNotContain("SECRET").doesNotContain("\nname: evil");
            LoadedLab loaded = load(r.out());
            assertThat(loaded.name()).isEqualTo("lab");
            assertThat(loaded.model().nodes()).containsOnlyKeys("web", "pc");
            assertThat(r.err()).contains("node name '../up'").contains("web/var/www/html: a file of device web (a symbolic link")
                    .contains("web/etc/page.html").contains("ip link set eth1 netns 1").contains("ip netns exec x sh")
                    .contains("sysctl -w kernel.panic=1").contains("iptables -A INPUT -j DROP; rm -rf /");
            assertThat(loaded.topology().nodes().get("web").exec()).isEmpty();
            // the collision domain's odd name is a switch of its own name
            assertThat(r.out()).contains("collision domain 'A\\\"]' is switch cd1");
        } finally {
            try (var s = Files.walk(outside)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aDirectoryWithoutLabConfIsAUsageErrorAndAnExistingOutputIsNotReplaced() throws IOException {
        Cli.Result r = importLab();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has no lab.conf");
        file("lab.conf", "pc1[0]=A\n");
        Path out = dir.resolve("out.yaml");
        Files.writeString(out, "mine");
        r = importLab("-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("mine");
        r = importLab("-o", out.toString(), "--force");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(out)).contains("name: ");
    }
}

package netlab.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabEnv;
import netlab.lab.LabLoader;
import netlab.lab.LabUp;
import netlab.lab.LoadedLab;
import netlab.process.Progress;
import netlab.state.StateStore;
import netlab.testing.Cli;
import netlab.testing.Labs;
import org.junit.jupiter.api.Test;

/**
 * {@code validate --explain}: what a topology does on the host besides its network, for whoever reviews it. Every
 * command, server, container setting, sysctl and file is there, and nothing a hostile topology writes can forge a
 * line of the report.
 */
class ExplainerTest {
    private static final StateStore STORE = new StateStore(Path.of("/run/netlab"));

    private static String explain(LoadedLab lab) {
        LabEnv env = LabEnv.standard(BuiltIn.catalog(), STORE, Progress.SILENT);
        return Explainer.explain(lab, new LabUp(env).plan(lab), STORE, BuiltIn.catalog().nodeKinds()).text();
    }

    private static String explainExample(String file) {
        return explain(LabLoader.fromFile(BuiltIn.catalog(), Labs.topology(file), Optional.empty()));
    }

    private static String explainText(String yaml) {
        return explain(LabLoader.fromText(BuiltIn.catalog(), yaml, "t.yaml", "/t.yaml", Optional.empty()));
    }

    @Test
    void aLabOfNamespacesAndChecksOnly() {
        String text = explainExample("router.yaml");
        assertThat(text).startsWith("what lab \"router\" (\"" + Labs.topology("router.yaml") + "\") does on this host besides its network\n"
                + "  commands run as root with the host's files and programs: 0 (node exec and exec checks)\n"
                + "  commands run inside containers: 0\n"
                + "  servers: none\n"
                + "  container images: none\n"
                + "  host paths mounted into containers: none\n"
                + "  capabilities added to containers: none; privileged containers: none (netlab never asks for one)\n"
                + "  environment variables given to containers: 0; sysctls set in its nodes: 0 (net.* only, each in its node's namespace)\n"
                + "\nnodes with nothing but their network\n"
                + "  \"r1\" (namespace), \"h1\" (namespace), \"h2\" (namespace), \"h3\" (namespace)\n");
        assertThat(text).contains("  check \"on lan2 the frame carries r1's MAC and h1's IP\": tcpdump (the host's) on \"h2:eth1\" with the filter"
                + " \"icmp and src host ${h1} and ether src ${r1:eth2.mac}\"\n    during it: ping: \"ping h1 -> h2\"\n");
        assertThat(text).contains("  its record under /run/netlab/labs/ (a directory of the lab's with state.json and a copy of the topology,"
                + " and a lock file)\n");
    }

    @Test
    void serversShowTheProgramThatServesThemAndTheirFiles() {
        String text = explainExample("nat.yaml");
        assertThat(text).contains("  servers: 2 busybox httpd, 1 busybox nc, started as root with the host's programs\n");
        // the server's own argv (its options, its document root) is the service's: shown whole, whatever it is
        assertThat(text).containsPattern("node \"internet\" \\(namespace\\): its commands run as root in the node's network namespace, with the"
                + " host's files and programs\n  serves http :80 with the host's busybox httpd, started as root: busybox httpd [^\n]*"
                + " /run/netlab/labs/nat/work/services/internet-http-80[^\n]*\n    in \"/run/netlab/labs/nat/work/services/internet-http-80\""
                + " netlab writes \"[^\"]*cgi-bin/index.cgi\", its log; the server may write there too\n");
        assertThat(text).contains("  serves tcp :7000 with the host's busybox nc, started as root: busybox nc -ll -p 7000 -e"
                + " /run/netlab/labs/nat/work/services/internet-tcp-7000/reply.sh\n");
    }

    @Test
    void containersShowImageCommandEnvironmentNamesMountsAndCapabilities() {
        String text = explainText("""
                name: c
                switches: {sw: {subnet: 10.0.0.0/24}}
                nodes:
                  web:
                    kind: container
                    image: registry.example:5000/team/app:2
                    command: [httpd, -f]
                    environment: {TOKEN: s3cret, MODE: fast}
                    workdir: /srv
                    mounts: ["/etc:/host-etc:ro", "/var/lib/data:/data"]
                    capabilities: [NET_ADMIN, cap_sys_admin]
                    exec: ["touch /ready"]
                  web2:
                    kind: pod
                    share_pid: true
                    containers:
                      app: {command: "exec sleep infinity"}
                  h1:
                    exec: ["echo hi > /tmp/x"]
                links: [[web:eth0, sw], [web2:eth0, sw], [h1:eth0, sw]]
                checks:
                  - exec: {node: web2/app, command: "true"}
                  - exec: {node: web2, command: "id"}
                """);
        assertThat(text).doesNotContain("s3cret").doesNotContain("fast");
        assertThat(text).contains("  commands run as root with the host's files and programs: 2 (node exec and exec checks)\n"
                + "  commands run inside containers: 2\n"
                + "  servers: none\n"
                + "  container images: \"registry.example:5000/team/app:2\", \"netlab/pause:1\", \"netlab/busybox:1\"\n"
                + "  host paths mounted into containers: host \"/etc\" at \"/host-etc\", read-only; host \"/var/lib/data\" at \"/data\", read-write\n"
                + "  capabilities added to containers: \"NET_ADMIN\", \"SYS_ADMIN\"; privileged containers: none (netlab never asks for one)\n"
                + "  environment variables given to containers: 2;");
        assertThat(text).contains("node \"web\" (container): its commands run inside the container, with its image's files and programs (servers:"
                + " the host's, in its network namespace)\n"
                + "  the container: image \"registry.example:5000/team/app:2\"\n"
                + "    runs httpd -f (as the arguments of the image's entrypoint, if it has one)\n"
                + "    environment: \"TOKEN\"=(value not shown), \"MODE\"=(value not shown)\n"
                + "    working directory \"/srv\"\n"
                + "    mounts host \"/etc\" at \"/host-etc\", read-only\n"
                + "    mounts host \"/var/lib/data\" at \"/data\", read-write\n"
                + "    capabilities added to Docker's default set: \"NET_ADMIN\", \"SYS_ADMIN\"\n"
                + "  runs once it is built: sh -c \"touch /ready\"\n");
        assertThat(text).contains("node \"web2\" (pod): its commands run as root in the pod's network namespace, with the host's files and programs"
                + " (those for one container: inside it)\n"
                + "  the pod's pause container: image \"netlab/pause:1\"\n"
                + "    runs the image's own entrypoint and command\n"
                + "  container \"app\": image \"netlab/busybox:1\"\n"
                + "    runs sh -c \"exec sleep infinity\" (as the arguments of the image's entrypoint, if it has one)\n"
                + "    shares the pod's PID namespace (its processes see each other)\n");
        assertThat(text).contains("node \"h1\" (namespace): its commands run as root in the node's network namespace, with the host's files and"
                + " programs\n  runs once it is built: sh -c \"echo hi > /tmp/x\"\n");
        assertThat(text).contains("  check \"exec web2/app: true\": runs in \"web2/app\", inside the container: sh -c \"true\"\n"
                + "  check \"exec web2: id\": runs in \"web2\", as root with the host's files: sh -c \"id\"\n");
        assertThat(text).contains("  Docker containers named netlab.c.NODE..., labelled as the lab's, with Docker's networking off\n");
    }

    @Test
    void aClusterShowsEtcdAndWhoTalksToIt() {
        String text = explainExample("k8s-flannel-vxlan.yaml");
        assertThat(text).contains("  servers: 1 etcd, started as root with the host's programs\n");
        assertThat(text).containsPattern("node \"etcd\" \\(namespace\\).*\n  serves etcd :2379 with the host's etcd, started as root: etcd --name netlab"
                + " --data-dir /run/netlab/labs/k8s-flannel-vxlan/work/services/etcd-etcd-2379/data .*\n");
        assertThat(text).contains("  writes the cluster's network config to its etcd (with the host's etcdctl)\n");
        assertThat(text).contains("  leases its pod subnet in the cluster's etcd and is programmed from the leases there (with the host's etcdctl)\n");
    }

    @Test
    void nothingFromAHostileTopologyCanForgeALine() {
        String yaml = "name: evil\n"
                + "switches: {sw: {subnet: 10.0.0.0/24}}\n"
                + "nodes:\n"
                + "  h1:\n"
                + "    exec: [\"true\\n  runs once it is built: sh -c \\\"harmless\\\"\"]\n"
                + "  c1:\n"
                + "    kind: container\n"
                + "    mounts: [\"/\\nnode \\\"x\\\" (namespace):/mnt\"]\n"
                + "    workdir: \"/w\\r\\u2028x\"\n"
                + "links: [[h1:eth0, sw], [c1:eth0, sw]]\n"
                + "checks:\n"
                + "  - name: \"ok\\u202e\\u200b\\nchecks (forged)\"\n"
                + "    capture: {on: h1:eth0, filter: \"icmp\\u2029x\\ufeff\", during: {exec: {node: h1, command: \"a\\\"b\\\\c\"}}}\n";
        String text = explainText(yaml);
        assertThat(text).doesNotContain("\r").doesNotContain("\u2028").doesNotContain("\u2029").doesNotContain("\u202e")
                .doesNotContain("\u200b").doesNotContain("\ufeff");
        assertThat(text).contains("  runs once it is built: sh -c \"true\\n  runs once it is built: sh -c \\\"harmless\\\"\"\n");
        assertThat(text).contains("    mounts host \"/\\nnode \\\"x\\\" (namespace)\" at \"/mnt\", read-write\n");
        assertThat(text).contains("    working directory \"/w\\r\\u2028x\"\n");
        assertThat(text).contains("  check \"ok\\u202E\\u200B\\nchecks (forged)\": tcpdump (the host's) on \"h1:eth0\" with the filter"
                + " \"icmp\\u2029x\\uFEFF\"\n    during it: runs in \"h1\", as root with the host's files: sh -c \"a\\\"b\\\\c\"\n");
        // exactly the lines a harmless lab of the same shape has: none was added by the strings
        List<String> headings = text.lines().filter(l -> !l.startsWith(" ") && !l.isEmpty()).toList();
        assertThat(headings).hasSize(5).allMatch(l -> l.startsWith("what lab ") || l.startsWith("node ") || l.startsWith("checks ")
                || l.startsWith("netlab itself"));
        assertThat(text.lines().filter(l -> l.startsWith("  runs once it is built"))).hasSize(1);
    }

    @Test
    void validateExplainPrintsItAfterTheVerdict() {
        Cli.Result r = new Cli("--no-color").run("validate", "--explain", Labs.topology("switch.yaml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith(Labs.topology("switch.yaml") + ": ok (lab switch:")
                .contains("\nwhat lab \"switch\" (").contains("\nnetlab itself\n");
        assertThat(new Cli("--no-color").run("validate", Labs.topology("switch.yaml").toString()).out()).doesNotContain("what lab");
    }
}

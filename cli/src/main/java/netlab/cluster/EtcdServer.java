package netlab.cluster;

import java.nio.file.Path;
import java.util.List;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.net.IpAddress;
import netlab.plan.Service;
import netlab.plan.ServiceFile;
import netlab.source.Diagnostics;
import netlab.source.Pos;

/**
 * The cluster's etcd: Debian's etcd-server, one member, started by netlab in the etcd node's namespace like any of
 * its servers (its own session, its log and its data directory under the lab's work directory, its PID in the lab's
 * record; {@code down} stops it and removes the directory). It listens on the node's lab address and on the
 * namespace's own 127.0.0.1 (so {@code netlab exec etcd -- etcdctl get ...} needs no endpoint), never on the host's
 * network: the process lives in the lab's namespace. Its peer port is on that loopback too: it has no peers.
 *
 * @param address the node's lab address other nodes reach it at
 */
public record EtcdServer(IpAddress address, Pos pos) implements Service {
    public static final int CLIENT_PORT = 2379;
    public static final int PEER_PORT = 2380;
    static final String MEMBER = "netlab";

    @Override
    public String kind() {
        return "etcd";
    }

    @Override
    public int port() {
        return CLIENT_PORT;
    }

    /** Created by the cluster's plan, from a valid model: nothing left to check. */
    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics diags) {}

    @Override
    public List<ServiceFile> files(String node) {
        return List.of();
    }

    /** Made 0700 by netlab before etcd starts (etcd would make it with whatever the umask leaves). */
    @Override
    public List<String> dataDirs() {
        return List.of("data");
    }

    @Override
    public List<String> command(Path dir) {
        String peer = "http://127.0.0.1:" + PEER_PORT;
        return List.of("etcd", "--name", MEMBER, "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", "http://" + address + ":" + CLIENT_PORT + ",http://127.0.0.1:" + CLIENT_PORT,
                "--advertise-client-urls", "http://" + address + ":" + CLIENT_PORT,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", MEMBER + "=" + peer,
                "--initial-cluster-state", "new", "--logger", "zap", "--log-outputs", "stderr");
    }
}

package netlab.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.net.Cidr;
import netlab.net.MacAddress;
import netlab.process.ProcResult;
import netlab.process.ProcessRunner;

/**
 * A node leasing its pod subnet in etcd, as flanneld does at start: it reads the network config (the subnet must be
 * part of the network), gives up leases of its own for other subnets (the topology moved it), and writes its lease
 * with a compare-and-set, so a subnet another node holds is never taken over. A lease it already holds is renewed
 * when its value changed (flannel.1's MAC), else left alone.
 */
final class SubnetLeasing {
    private SubnetLeasing() {}

    /** @return the lease as written (with flannel.1's real MAC) */
    static Lease acquire(EtcdClient etcd, ProcessRunner processes, ClusterSpec c, ClusterNodeSpec node, Lease planned) throws InterruptedException {
        Lease lease = c.backend() == Backend.VXLAN
                ? new Lease(planned.subnet(), planned.publicIp(), planned.backendType(), Optional.of(vtepMac(processes, etcd.netns(), node)))
                : planned;
        Map<String, String> all = etcd.getPrefix(Flannel.PREFIX + "/");
        String config = all.get(Flannel.CONFIG_KEY);
        if (config == null) throw NetlabException.failed("etcd holds no " + Flannel.CONFIG_KEY + "; the cluster's network is unknown");
        Optional<Cidr> network = network(config);
        if (network.isEmpty() || !network.get().contains(lease.subnet().address())) {
            throw NetlabException.failed("subnet " + lease.subnet() + " of node " + node.name() + " is not in the network etcd's "
                    + Flannel.CONFIG_KEY + " gives: " + config);
        }
        for (Map.Entry<String, String> e : all.entrySet()) {
            Optional<Lease> other = Lease.parse(e.getKey(), e.getValue());
            if (other.isPresent() && other.get().publicIp().equals(lease.publicIp()) && !other.get().subnet().equals(lease.subnet())) {
                etcd.delete(e.getKey()); // this node's lease of a subnet it no longer has
            }
        }
        String held = all.get(lease.key());
        if (held == null) held = etcd.createIfAbsent(lease.key(), lease.value()).orElse(null);
        if (held == null) return lease;
        Optional<Lease> holder = Lease.parse(lease.key(), held);
        if (holder.isEmpty() || !holder.get().publicIp().equals(lease.publicIp())) {
            throw NetlabException.failed("subnet " + lease.subnet() + " is already leased in etcd to "
                    + holder.map(h -> h.publicIp().toString()).orElse("'" + held + "'") + "; node " + node.name() + " (" + lease.publicIp()
                    + ") cannot take it");
        }
        if (!held.equals(lease.value())) etcd.put(lease.key(), lease.value());
        return lease;
    }

    /** The MAC the node's flannel.1 really has. */
    static MacAddress vtepMac(ProcessRunner processes, String netns, ClusterNodeSpec node) throws InterruptedException {
        ProcResult r = processes.run(List.of("ip", "-n", netns, "-j", "link", "show", "dev", Flannel.DEVICE), null, Duration.ofSeconds(10));
        for (Map<String, Object> row : Json.rows(r.stdout())) {
            Optional<MacAddress> m = Optional.ofNullable(row.get("address")).flatMap(a -> MacAddress.parse(a.toString()));
            if (m.isPresent()) return m.get();
        }
        throw NetlabException.failed("node " + node.name() + " has no " + Flannel.DEVICE + " to lease its subnet for: " + r.errorText());
    }

    private static Optional<Cidr> network(String config) {
        try {
            return Json.parse(config) instanceof Map<?, ?> m && m.get("Network") instanceof String n ? Cidr.parse(n) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

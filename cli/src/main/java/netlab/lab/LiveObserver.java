package netlab.lab;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import netlab.docker.DockerAccess;
import netlab.docker.LabContainers;
import netlab.doctor.Netns;
import netlab.plan.Naming;
import netlab.plan.ObjectRef;
import netlab.process.ProcessRunner;
import netlab.runtime.LiveRules;
import netlab.runtime.Observed;
import netlab.runtime.netlink.NetlinkReader;

/**
 * Looks at the running system for a converging {@code up}: namespaces from /run/netns, links with one netlink dump per
 * namespace (cached), containers from the Docker engine (asked only when the lab has some), a node's rules with
 * {@code iptables-save}, servers from the namespace's socket table (read from a thread inside it); so only what is
 * missing (or, for rules, different) gets made. What is extra or changed in place was repaired before (see
 * {@link netlab.drift.KernelDrift}).
 */
final class LiveObserver implements Observed {
    private final ProcessRunner processes;
    private final DockerAccess docker;
    private final Naming naming;
    private final Map<String, Set<String>> linksByNetns = new ConcurrentHashMap<>();

    LiveObserver(ProcessRunner processes, DockerAccess docker, Naming naming) {
        this.processes = processes;
        this.docker = docker;
        this.naming = naming;
    }

    @Override
    public boolean exists(ObjectRef ref) throws InterruptedException {
        if (ref instanceof ObjectRef.Netns n) return Netns.exists(n.name());
        if (ref instanceof ObjectRef.Link l) return Netns.exists(l.netns()) && links(l.netns()).contains(l.name());
        if (ref instanceof ObjectRef.Container c) return new LabContainers(docker.engine(), naming).live(c.name());
        if (ref instanceof ObjectRef.Rules r) return Netns.exists(r.netns()) && LiveRules.read(processes, r.netns()).countMarked(r.mark()) == r.count();
        if (ref instanceof ObjectRef.Listener l) return Netns.exists(l.netns()) && listening(l.netns()).contains(l.port());
        return false;
    }

    private Set<String> links(String netns) throws InterruptedException {
        Set<String> cached = linksByNetns.get(netns);
        if (cached != null) return cached;
        Set<String> names;
        try {
            names = NetlinkReader.linkNames(netns);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            names = Set.of(); // gone meanwhile: nothing in it exists
        }
        linksByNetns.put(netns, names);
        return names;
    }

    private static Set<Integer> listening(String netns) throws InterruptedException {
        try {
            return NetlinkReader.listening(netns);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Set.of();
        }
    }
}

package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Well-formed YAML that is not a valid lab: missing or empty sections, bad names, links with the wrong number
 * of ends or to themselves, an interface used twice, duplicate addresses, checks without a kind or with two,
 * settings of another node kind, bad container settings, sysctls outside net.*.
 */
final class BrokenStructure implements CaseGenerator {
    @Override
    public String category() {
        return "structure";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        String name = Handmade.NAME, sw = Handmade.SWITCHES, nodes = Handmade.NODES, links = Handmade.LINKS;
        List<Draft> out = new ArrayList<>();
        add(out, "no name", sw + nodes + links);
        add(out, "no nodes", name + sw);
        add(out, "nodes is empty", name + "nodes: {}\n");
        add(out, "nodes is an empty list", name + "nodes: []\n");
        add(out, "the lab name is empty", "name: ''\n" + nodes);
        add(out, "the lab name has a slash", "name: badinput/x\n" + nodes);
        add(out, "the lab name has a dot", "name: badinput.x\n" + nodes);
        add(out, "the lab name starts with a dash", "name: -badinput\n" + nodes);
        add(out, "the lab name has a space", "name: badinput x\n" + nodes);
        add(out, "the lab name is non-ASCII", "name: badinput-\u00e9t\u00e9\n" + nodes);
        add(out, "the lab name is a path", "name: ../../etc\n" + nodes);
        add(out, "a node name with a dot", name + "nodes:\n  h.1: {}\n");
        add(out, "a node name with a slash", name + "nodes:\n  h/1: {}\n");
        add(out, "a node name with a colon", name + "nodes:\n  \"h:1\": {}\n");
        add(out, "a node name starting with an underscore", name + "nodes:\n  _h1: {}\n");
        add(out, "an empty node name", name + "nodes:\n  '': {}\n");
        add(out, "a switch with the name of a node", name + "switches:\n  h1: {}\n" + nodes);
        add(out, "a switch name with a slash", name + "switches:\n  sw/1: {}\n" + nodes);
        add(out, "an interface name with a colon", Handmade.withH1("{interfaces: {\"eth1:0\": {addresses: []}}}"));
        add(out, "an interface name with a space", Handmade.withH1("{interfaces: {\"eth 1\": {addresses: []}}}"));
        add(out, "a link with one end", name + sw + nodes + "links:\n  - [h1:eth1]\n");
        add(out, "a link with three ends", name + sw + nodes + "links:\n  - [h1:eth1, h2:eth1, sw1]\n");
        add(out, "a link with no ends", name + sw + nodes + "links:\n  - []\n");
        add(out, "a link from an interface to itself", name + nodes + "links:\n  - [h1:eth1, h1:eth1]\n");
        add(out, "a switch linked to itself", name + sw + nodes + "links:\n  - [sw1, sw1]\n");
        add(out, "one interface in two links", name + sw + nodes + "links:\n  - [h1:eth1, sw1]\n  - [h1:eth1, h2:eth1]\n");
        add(out, "an endpoint with an empty interface", name + sw + nodes + "links:\n  - [\"h1:\", sw1]\n");
        add(out, "an endpoint with two colons", name + sw + nodes + "links:\n  - [h1:eth1:0, sw1]\n");
        add(out, "an endpoint that is a node without an interface", name + nodes + "links:\n  - [h1, h2:eth1]\n");
        add(out, "a link to the loopback", name + sw + nodes + "links:\n  - [h1:lo, sw1]\n");
        add(out, "a link mapping without endpoints", name + sw + nodes + "links:\n  - {subnet: 10.0.0.0/24}\n");
        add(out, "a link subnet6 holding IPv4", name + nodes + "links:\n  - {endpoints: [h1:eth1, h2:eth1], subnet6: 10.0.9.0/30}\n");
        add(out, "a link subnet holding IPv6", name + nodes + "links:\n  - {endpoints: [h1:eth1, h2:eth1], subnet: 2001:db8::/64}\n");
        add(out, "a point-to-point subnet with room for one host", name + nodes + "links:\n  - {endpoints: [h1:eth1, h2:eth1], subnet: 10.0.9.0/32}\n");
        add(out, "two hosts with the same address on a switch", name + sw
                + "nodes:\n  h1: {interfaces: {eth1: [10.0.0.5/24]}}\n  h2: {interfaces: {eth1: [10.0.0.5/24]}}\n" + links);
        add(out, "one address twice on an interface", Handmade.withH1("{interfaces: {eth1: {addresses: [10.0.0.5/24, 10.0.0.5/24]}}}"));
        add(out, "a multicast MAC", Handmade.withH1("{interfaces: {eth1: {mac: 01:00:5e:00:00:01}}}"));
        add(out, "an all-zero MAC", Handmade.withH1("{interfaces: {eth1: {mac: 00:00:00:00:00:00}}}"));
        add(out, "a malformed MAC", Handmade.withH1("{interfaces: {eth1: {mac: 02:00:00:00:00}}}"));
        add(out, "a MAC with a bad digit", Handmade.withH1("{interfaces: {eth1: {mac: 02:00:00:00:00:0g}}}"));
        add(out, "a gateway that shares no subnet", name + sw + "nodes:\n  h1: {gateway: h2}\n  h2: {}\n  h3: {}\n"
                + "links:\n  - [h1:eth1, sw1]\n  - [h2:eth1, h3:eth1]\n");
        add(out, "a gateway that is the node itself", Handmade.withH1("{gateway: h1}"));
        add(out, "a gateway address outside every subnet of the node", Handmade.withH1("{gateway: 192.168.99.1}"));
        add(out, "an IPv4 gateway6", Handmade.withH1("{gateway6: 10.0.0.2}"));
        add(out, "a route without 'to'", Handmade.withH1("{routes: [{via: 10.0.0.2}]}"));
        add(out, "a route with a bad short form", Handmade.withH1("{routes: [\"10.9.0.0/16 through 10.0.0.2\"]}"));
        add(out, "a route via a missing node", Handmade.withH1("{routes: [{to: 10.9.0.0/16, via: r9}]}"));
        add(out, "a route on a missing interface", Handmade.withH1("{routes: [{to: 10.9.0.0/16, via: 10.0.0.2, dev: eth7}]}"));
        add(out, "an unknown node kind", Handmade.withH1("{kind: vm}"));
        add(out, "a pod setting on a namespace node", Handmade.withH1("{share_pid: true}"));
        add(out, "a container setting on a namespace node", Handmade.withH1("{image: netlab/busybox:1}"));
        add(out, "a pod without containers", Handmade.withH1("{kind: pod}"));
        add(out, "a pod with an empty containers mapping", Handmade.withH1("{kind: pod, containers: {}}"));
        add(out, "a container with an invalid image reference", Handmade.withH1("{kind: container, image: 'Netlab/BusyBox:1:2'}"));
        add(out, "a container with a relative workdir", Handmade.withH1("{kind: container, workdir: srv}"));
        add(out, "a container with a relative mount", Handmade.withH1("{kind: container, mounts: ['srv:/srv']}"));
        add(out, "a container mount with a bad mode", Handmade.withH1("{kind: container, mounts: ['/tmp:/srv:rx']}"));
        add(out, "a container label in netlab's namespace", Handmade.withH1("{kind: container, labels: {netlab.lab: other}}"));
        add(out, "a container with an unknown capability", Handmade.withH1("{kind: container, capabilities: [FLY]}"));
        add(out, "a container environment variable with '='", Handmade.withH1("{kind: container, environment: {\"A=B\": c}}"));
        add(out, "a pod member with a slash in its name", Handmade.withH1("{kind: pod, containers: {\"a/b\": {}}}"));
        add(out, "a sysctl outside net.*", Handmade.withH1("{sysctls: {kernel.pid_max: 100000}}"));
        add(out, "a sysctl with a path", Handmade.withH1("{sysctls: {net/ipv4/ip_forward: 1}}"));
        add(out, "a sysctl going up the tree", Handmade.withH1("{sysctls: {net.ipv4.conf...all: 1}}"));
        add(out, "an empty exec command", Handmade.withH1("{exec: ['']}"));
        add(out, "a check without a kind", Handmade.withCheck("{name: nothing}"));
        add(out, "a check with two kinds", Handmade.withCheck("{ping: {from: h1, to: h2}, fdb: {switch: sw1, host: h1}}"));
        add(out, "an unknown check kind", Handmade.withCheck("{pong: {from: h1, to: h2}}"));
        add(out, "a check that is a string", Handmade.withCheck("ping h1 h2"));
        add(out, "two checks with the same name", Handmade.NAME + sw + nodes + links
                + "checks:\n  - {name: same, ping: {from: h1, to: h2}}\n  - {name: same, ping: {from: h2, to: h1}}\n");
        add(out, "a zero timeout", Handmade.withCheck("{ping: {from: h1, to: h2}, timeout: 0s}"));
        add(out, "a negative retries", Handmade.withCheck("{ping: {from: h1, to: h2}, retries: -1}"));
        add(out, "a ping without 'to'", Handmade.withCheck("ping: {from: h1}"));
        add(out, "a ping from an interface that does not exist", Handmade.withCheck("ping: {from: h1:eth5, to: h2}"));
        add(out, "a ping to a malformed address", Handmade.withCheck("ping: {from: h1, to: 10.0.0.300}"));
        add(out, "an IPv6 ping in a lab without IPv6", Handmade.withCheck("ping: {from: h1, to: h2, ipv6: true}"));
        add(out, "an fdb check on a node", Handmade.withCheck("fdb: {switch: h1, host: h2}"));
        add(out, "an fdb check through a port that is not on the switch", Handmade.withCheck("fdb: {switch: sw1, host: h1, port: h2:eth9}"));
        add(out, "an exec check with a bad regular expression", Handmade.withCheck("exec: {node: h1, command: 'true', output: '(unclosed'}"));
        add(out, "an exec check with an exit code of 300", Handmade.withCheck("exec: {node: h1, command: 'true', exit: 300}"));
        add(out, "an exec check in a missing pod member", Handmade.withCheck("exec: {node: h1/app, command: 'true'}"));
        add(out, "a capture on a switch", Handmade.withCheck("capture: {on: sw1, filter: icmp, during: {ping: {from: h1, to: h2}}}"));
        add(out, "a capture whose 'during' is empty", Handmade.withCheck("capture: {on: h2:eth1, filter: icmp, during: {}}"));
        add(out, "a capture whose 'during' has two probes", Handmade.withCheck("capture: {on: h2:eth1, filter: icmp, during: {ping: {from: h1, to: h2}, exec: {node: h1, command: 'true'}}}"));
        add(out, "a reachability check naming a missing node", Handmade.withCheck("reachability: {from: [h1, h9], to: all}"));
        add(out, "a reachability check with 'from' a number", Handmade.withCheck("reachability: {from: 3, to: all}"));
        add(out, "a neighbour check without 'has'", Handmade.withCheck("neighbour: {node: h1}"));
        add(out, "an arp check on a missing node", Handmade.withCheck("arp: {node: h9, has: h1}"));
        add(out, "a placeholder that is not closed", Handmade.withCheck("exec: {node: h1, command: 'ping -c1 ${h2'}"));
        add(out, "a placeholder naming a missing node", Handmade.withCheck("exec: {node: h1, command: 'ping -c1 ${h9}'}"));
        add(out, "a placeholder with an unknown attribute", Handmade.withCheck("exec: {node: h1, command: 'echo ${h2:eth1.mtu}'}"));
        add(out, "a placeholder in a capture filter naming a missing interface", Handmade.withCheck(
                "capture: {on: h2:eth1, filter: 'ether src ${h1:eth7.mac}', during: {ping: {from: h1, to: h2}}}"));
        add(out, "a switch subnet with no room for its hosts", name + "switches:\n  sw1: {subnet: 10.0.0.0/30}\n"
                + "nodes:\n  h1: {}\n  h2: {}\n  h3: {}\n" + "links:\n  - [h1:eth1, sw1]\n  - [h2:eth1, sw1]\n  - [h3:eth1, sw1]\n");
        add(out, "two joined switches with one subnet and a written address taken twice", name
                + "switches:\n  sw1: {subnet: 10.0.0.0/24}\n  sw2: {subnet: 10.0.0.0/24}\n"
                + "nodes:\n  h1: {interfaces: {eth1: [10.0.0.7/24]}}\n  h2: {interfaces: {eth1: [10.0.0.7/24]}}\n"
                + "links:\n  - [sw1, sw2]\n  - [h1:eth1, sw1]\n  - [h2:eth1, sw2]\n");
        return out;
    }

    private static void add(List<Draft> out, String what, String text) {
        out.add(Draft.text(what, text));
    }
}

package netlab.drift;

import java.util.Map;
import java.util.Optional;
import netlab.plan.Op;
import netlab.plan.RuleSet;
import netlab.plan.Tool;
import netlab.runtime.netlink.KernelState;

/**
 * What a converging {@code up} does besides its plan to take a namespace back to exactly its topology: delete an extra
 * object exactly as the kernel listed it (a route, an address, a neighbour or FDB entry, a qdisc, a policy rule, an
 * interface), put back a policy rule every namespace starts with, or reset the IPv6 firewall. Run by {@link RepairRunner}.
 */
public sealed interface RepairOp extends Op {
    @Override
    default Tool tool() {
        return Tool.REPAIR;
    }

    /**
     * Deletes one object exactly as the kernel's dump listed it: the dumped message (family header and attributes) sent
     * back with the deletion's type, so exactly that object is meant. {@link #words} say the same in iproute2's words,
     * for people: the command of {@link #program} that would delete it.
     */
    sealed interface Delete extends RepairOp {
        int RTM_DELLINK = 17, RTM_DELADDR = 21, RTM_DELROUTE = 25, RTM_DELNEIGH = 29, RTM_DELRULE = 33, RTM_DELQDISC = 37;

        /** The netlink request: RTM_DELROUTE… */
        int type();

        /** The object's message as the dump gave it. */
        byte[] body();

        /** ip, bridge or tc. */
        default String program() {
            return "ip";
        }

        String words();

        @Override
        default String describe() {
            return words();
        }
    }

    /** An interface, by its index (deleting a veth end deletes its peer too). */
    record DeleteLink(int index, String name) implements Delete {
        @Override
        public int type() {
            return RTM_DELLINK;
        }

        @Override
        public byte[] body() {
            return java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder()).put((byte) 0).put((byte) 0)
                    .putShort((short) 0).putInt(index).putInt(0).putInt(0).array();
        }

        @Override
        public String words() {
            return "link del " + name;
        }
    }

    record DeleteAddress(KernelState.Address address, String dev) implements Delete {
        @Override
        public int type() {
            return RTM_DELADDR;
        }

        @Override
        public byte[] body() {
            return address.raw();
        }

        @Override
        public String words() {
            return "addr del " + address.cidr() + " dev " + dev;
        }
    }

    /** A route of any table and type; {@code dev}: the name of its output interface, if it has one. */
    record DeleteRoute(KernelState.Route route, Optional<String> dev) implements Delete {
        @Override
        public int type() {
            return RTM_DELROUTE;
        }

        @Override
        public byte[] body() {
            return route.raw();
        }

        @Override
        public String words() {
            return "route del " + route.describe(dev.isPresent() ? Map.of(route.oif(), dev.get()) : Map.of());
        }
    }

    record DeletePolicyRule(KernelState.PolicyRule rule) implements Delete {
        @Override
        public int type() {
            return RTM_DELRULE;
        }

        @Override
        public byte[] body() {
            return rule.raw();
        }

        @Override
        public String words() {
            return (rule.v6() ? "-6 " : "") + "rule del " + rule.describe();
        }
    }

    record DeleteNeighbour(KernelState.Neighbour neighbour, String dev) implements Delete {
        @Override
        public int type() {
            return RTM_DELNEIGH;
        }

        @Override
        public byte[] body() {
            return neighbour.raw();
        }

        @Override
        public String words() {
            return "neigh del " + neighbour.dst() + " dev " + dev;
        }
    }

    /** A static forwarding entry of a bridge port (master) or of a device's own table (self). */
    record DeleteFdb(KernelState.Fdb entry, String dev) implements Delete {
        @Override
        public int type() {
            return RTM_DELNEIGH;
        }

        @Override
        public byte[] body() {
            return entry.raw();
        }

        @Override
        public String program() {
            return "bridge";
        }

        /** The entry as {@code bridge fdb} lists it. */
        public String entryText() {
            return entry.mac() + " dev " + dev + (entry.dst() != null ? " dst " + entry.dst() : "") + (entry.vlan() > 0 ? " vlan " + entry.vlan() : "")
                    + (entry.master() ? " master" : " self");
        }

        @Override
        public String words() {
            return "fdb del " + entryText();
        }
    }

    /** A root qdisc, or an ingress (clsact) one. */
    record DeleteQdisc(KernelState.Qdisc qdisc, String dev) implements Delete {
        @Override
        public int type() {
            return RTM_DELQDISC;
        }

        @Override
        public byte[] body() {
            return qdisc.raw();
        }

        @Override
        public String program() {
            return "tc";
        }

        @Override
        public String words() {
            return "qdisc del dev " + dev + " " + (qdisc.root() ? "root" : qdisc.kind());
        }
    }

    /** The policy rule a namespace starts with at {@code priority} ({@code ip rule add priority P lookup TABLE}). */
    record AddDefaultRule(boolean v6, int priority, int table) implements RepairOp {
        @Override
        public String describe() {
            return (v6 ? "-6 " : "") + "rule add priority " + priority + " lookup " + KernelState.Route.tableName(table);
        }
    }

    /** An nf_tables table of iptables-nft ("filter" of family ip) deleted whole: a fresh namespace has no tables. */
    record DeleteNftTable(boolean v6, String table) implements RepairOp {
        public DeleteNftTable {
            RuleSet.word(table);
        }

        @Override
        public String describe() {
            return "nft delete table " + (v6 ? "ip6 " : "ip ") + table;
        }
    }

    /** {@code ip6tables-restore} of {@code tables}: the IPv6 tables netlab never fills, emptied. */
    record Ip6tablesRestore(RuleSet tables) implements RepairOp {
        @Override
        public String describe() {
            return "ip6tables-restore of " + tables.tables().size() + " emptied tables";
        }
    }
}

package netlab.drift;

import netlab.plan.Op;
import netlab.plan.Tool;

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
     * Deletes one object: {@code type} is the netlink request (RTM_DELROUTE…), {@code body} the object's message as the
     * kernel's dump gave it (family header and attributes), {@code text} the same in iproute2's words.
     */
    record Delete(int type, byte[] body, String text) implements RepairOp {
        @Override
        public String describe() {
            return text;
        }

        static final int RTM_DELLINK = 17, RTM_DELADDR = 21, RTM_DELROUTE = 25, RTM_DELNEIGH = 29, RTM_DELRULE = 33, RTM_DELQDISC = 37;

        /** An interface, by its index (deleting a veth end deletes its peer too). */
        static Delete link(int index, String name) {
            byte[] ifinfo = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder()).put((byte) 0).put((byte) 0)
                    .putShort((short) 0).putInt(index).putInt(0).putInt(0).array();
            return new Delete(RTM_DELLINK, ifinfo, "link del " + name);
        }
    }

    /** The policy rule a namespace starts with at {@code priority} ({@code ip rule add priority P lookup TABLE}). */
    record AddDefaultRule(boolean v6, int priority, int table) implements RepairOp {
        @Override
        public String describe() {
            return (v6 ? "-6 " : "") + "rule add priority " + priority + " lookup " + netlab.runtime.netlink.KernelState.Route.tableName(table);
        }
    }

    /** An nf_tables table of iptables-nft ("filter" of family ip) deleted whole: a fresh namespace has no tables. */
    record DeleteNftTable(boolean v6, String table) implements RepairOp {
        @Override
        public String describe() {
            return "nft delete table " + (v6 ? "ip6 " : "ip ") + table;
        }
    }

    /** {@code ip6tables-restore} of {@code tables}: the IPv6 tables netlab never fills, emptied. */
    record Ip6tablesRestore(netlab.plan.RuleSet tables) implements RepairOp {
        @Override
        public String describe() {
            return "ip6tables-restore of " + tables.tables().size() + " emptied tables";
        }
    }
}

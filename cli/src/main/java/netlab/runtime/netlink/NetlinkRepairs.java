package netlab.runtime.netlink;

import java.util.ArrayList;
import java.util.List;
import netlab.runtime.ns.InNetns;

/**
 * Sends a converging up's netlink repairs in a namespace from a JVM thread inside it: deletions of objects exactly as a
 * dump listed them (their message body sent back with a RTM_DEL* type), and the policy rules a namespace starts with.
 * An object already gone counts as deleted: another repair (a veth's peer) or the kernel may have taken it first.
 */
public final class NetlinkRepairs {
    private static final int RTM_NEWRULE = 32;
    private static final int ENOENT = 2, ESRCH = 3, ENXIO = 6, ENODEV = 19, EADDRNOTAVAIL = 99;
    private static final int AF_INET = 2, AF_INET6 = 10, FRA_PRIORITY = 6, FRA_TABLE = 15, FR_ACT_TO_TBL = 1;

    private NetlinkRepairs() {}

    /** One request: a deletion ({@code body}: the object as dumped) or a default policy rule to add. */
    public sealed interface Request {}

    public record Delete(int type, byte[] body) implements Request {}

    public record AddRule(boolean v6, int priority, int table) implements Request {}

    /** An nf_tables table (iptables-nft's "ip filter", "ip6 nat"...), with its chains and rules. */
    public record DeleteNftTable(boolean v6, String table) implements Request {}

    /** Sends each request in order; returns, per request, null when it did what it should, else the kernel's refusal. */
    public static List<String> send(String netns, List<Request> requests) throws Exception {
        return InNetns.call(netns, () -> {
            List<String> out = new ArrayList<>();
            try (NetlinkSocket s = new NetlinkSocket()) {
                for (Request r : requests) {
                    try {
                        if (r instanceof DeleteNftTable t) deleteTable(t);
                        else s.request(message(r));
                        out.add(null);
                    } catch (NetlinkException e) {
                        boolean gone = (r instanceof Delete || r instanceof DeleteNftTable) && (e.errno() == ENOENT || e.errno() == ESRCH || e.errno() == ENXIO
                                || e.errno() == ENODEV || e.errno() == EADDRNOTAVAIL);
                        out.add(gone ? null : e.getMessage());
                    }
                }
            }
            return out;
        });
    }

    private static final int NFNL_MSG_BATCH_BEGIN = 0x10, NFNL_MSG_BATCH_END = 0x11, NFNL_SUBSYS_NFTABLES = 10, NFT_MSG_DELTABLE = 2,
            NFTA_TABLE_NAME = 1;

    /** nf_tables takes changes only in a batch: begin, the deletion, end, in one datagram. */
    private static void deleteTable(DeleteNftTable t) {
        try (NetlinkSocket nf = new NetlinkSocket(NetlinkSocket.NETLINK_NETFILTER)) {
            NlMessage begin = NlMessage.unacknowledged(NFNL_MSG_BATCH_BEGIN).u8(0).u8(0).u8(0).u8(NFNL_SUBSYS_NFTABLES);
            NlMessage del = new NlMessage(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_DELTABLE, 0).u8(t.v6() ? AF_INET6 : AF_INET).u8(0).u16(0);
            del.attrString(NFTA_TABLE_NAME, t.table());
            NlMessage end = NlMessage.unacknowledged(NFNL_MSG_BATCH_END).u8(0).u8(0).u8(0).u8(NFNL_SUBSYS_NFTABLES);
            nf.batch(List.of(begin, del, end), 1);
        }
    }

    private static NlMessage message(Request r) {
        if (r instanceof Delete d) return NlMessage.withBody(d.type(), d.body());
        AddRule a = (AddRule) r;
        NlMessage m = new NlMessage(RTM_NEWRULE, NlMessage.NLM_F_CREATE | NlMessage.NLM_F_EXCL)
                .u8(a.v6() ? AF_INET6 : AF_INET).u8(0).u8(0).u8(0).u8(a.table() < 256 ? a.table() : 0).u8(0).u8(0).u8(FR_ACT_TO_TBL).u32(0);
        m.attrU32(FRA_PRIORITY, a.priority());
        m.attrU32(FRA_TABLE, a.table());
        return m;
    }
}

package netlab.runtime.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.plan.IpOp;
import netlab.runtime.ns.InNetns;

/**
 * Sends {@link IpOp}s as rtnetlink requests ({@link NetlinkRequests}) in the calling thread's namespace, one at a time,
 * each acknowledged before the next, as {@code ip -batch} runs its lines.
 */
final class RtNetlink implements AutoCloseable, NetlinkRequests.Links {
    private final NetlinkSocket socket = new NetlinkSocket();
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<Integer> opened = new ArrayList<>();
    private final NetlinkRequests requests = new NetlinkRequests(this);

    /** Sends the op's request; the op must be one {@link NetlinkRequests#speaks} says the runner sends. */
    void run(IpOp op) {
        try {
            NlMessage m = op.accept(requests);
            if (m == null) throw new IllegalStateException("not an op netlab sends over netlink: " + op);
            socket.request(m);
        } finally {
            for (int fd : opened) InNetns.libc().close(fd);
            opened.clear();
        }
    }

    @Override
    public int index(String dev) {
        Integer i = indexes.get(dev);
        if (i != null) return i;
        int idx = InNetns.libc().if_nametoindex(dev);
        if (idx <= 0) throw new NetlinkException(19, "Cannot find device \"" + dev + "\"");
        indexes.put(dev, idx);
        return idx;
    }

    @Override
    public int openNetns(String netns) {
        int fd = InNetns.openNetns(netns);
        opened.add(fd);
        return fd;
    }

    @Override
    public void close() {
        socket.close();
    }
}

package netlab.runtime.ns;

import java.util.concurrent.Callable;
import netlab.errors.NetlabException;

/**
 * Runs work inside a named network namespace on the calling thread: {@code setns(2)} switches only the calling
 * thread, which then sees the namespace's /proc/sys/net and opens sockets there; afterwards it switches back.
 * This replaces a process per namespace ({@code ip netns exec ... sysctl}) with a system call.
 */
public final class InNetns {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int CLONE_NEWNET = 0x40000000;

    private InNetns() {}

    /** libc, bound on first use only: commands that never enter a namespace never pay for the binding. */
    public static LibC libc() {
        return Native.C;
    }

    /** Opens a namespace's file (for IFLA_NET_NS_FD); the caller closes it. */
    public static int openNetns(String netns) {
        int fd = Native.C.open("/run/netns/" + netns, O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw NetlabException.failed("cannot open network namespace " + netns + " (is it gone?)");
        return fd;
    }

    private static final int MNT_DETACH = 2;

    /**
     * Deletes a named namespace as {@code ip netns del} does, without a process: detach its mount, remove the
     * file. The namespace itself goes when nothing else holds it (its interfaces with it). True when the name is gone.
     */
    public static boolean deleteNetns(String netns) {
        java.nio.file.Path file = java.nio.file.Path.of("/run/netns", netns);
        Native.C.umount2(file.toString(), MNT_DETACH); // fails harmlessly on a stale file that is no mount
        try {
            java.nio.file.Files.deleteIfExists(file);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static final class Native {
        static final LibC C = new JffiLibC();
        /** The process's own namespace (the main thread never leaves it), to come back to. */
        static final int HOME = C.open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
    }

    public static <T> T call(String netns, Callable<T> work) throws Exception {
        LibC c = Native.C;
        int fd = openNetns(netns);
        try {
            if (c.setns(fd, CLONE_NEWNET) != 0) throw NetlabException.failed("cannot enter network namespace " + netns);
            try {
                return work.call();
            } finally {
                if (c.setns(Native.HOME, CLONE_NEWNET) != 0) {
                    // A thread stuck in a lab namespace must never do anything else: end the process.
                    Runtime.getRuntime().halt(70);
                }
            }
        } finally {
            c.close(fd);
        }
    }
}

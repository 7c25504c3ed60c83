package netlab.runtime.ns;

import java.util.concurrent.Callable;
import netlab.errors.NetlabException;
import netlab.errors.RootCause;

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
        return Native.bound().c();
    }

    /** Opens a namespace's file (for IFLA_NET_NS_FD); the caller closes it. */
    public static int openNetns(String netns) {
        int fd = libc().open("/run/netns/" + netns, O_RDONLY | O_CLOEXEC);
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
        libc().umount2(file.toString(), MNT_DETACH); // fails harmlessly on a stale file that is no mount
        try {
            java.nio.file.Files.deleteIfExists(file);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * libc and the process's own namespace (the main thread never leaves it, so threads come back to it); or, when
     * jffi cannot load its native stub, why not.
     */
    private record Bound(LibC c, int home, String failure) {
        /** Said to every caller, not only the first: the failure is the machine's set-up, not an internal error. */
        Bound orFail() {
            if (failure != null) throw NetlabException.environment(failure);
            return this;
        }
    }

    private static final class Native {
        private static final Bound BOUND = bind();

        static Bound bound() {
            return BOUND.orFail();
        }

        private static Bound bind() {
            try {
                LibC c = onQuietThread(JffiLibC::new);
                return new Bound(c, c.open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC), null);
            } catch (LinkageError e) {
                // jffi copies its stub to java.io.tmpdir unless it is installed beside the jar: a /tmp mounted
                // noexec (or unwritable) stops it there
                return new Bound(null, -1, "cannot load jffi's native stub, which netlab calls libc with (" + RootCause.of(e).getMessage()
                        + "); install netlab with scripts/install.sh (it puts the stub beside the jar), or give Java a"
                        + " temporary directory that is writable and not mounted noexec: NETLAB_JAVA_OPTS=-Djava.io.tmpdir=DIR");
            }
        }
    }

    /**
     * Binds libc on a thread nobody interrupts. jffi writes its native stub to a temporary file through a
     * FileChannel, and an interrupt closes such a channel: a Ctrl-C landing during a lab's first namespace operation
     * would leave libc unloadable for the rest of the process, rollback included. The caller still sees its own
     * interrupt afterwards.
     */
    static <T> T onQuietThread(java.util.function.Supplier<T> work) {
        java.util.concurrent.CompletableFuture<T> loaded = new java.util.concurrent.CompletableFuture<>();
        Thread loader = new Thread(() -> {
            try {
                loaded.complete(work.get());
            } catch (Throwable e) {
                loaded.completeExceptionally(e);
            }
        }, "netlab-libc-loader");
        loader.setDaemon(true);
        loader.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return loaded.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error err) throw err;
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    public static <T> T call(String netns, Callable<T> work) throws Exception {
        Bound bound = Native.bound();
        LibC c = bound.c();
        int fd = openNetns(netns);
        try {
            if (c.setns(fd, CLONE_NEWNET) != 0) throw NetlabException.failed("cannot enter network namespace " + netns);
            try {
                return work.call();
            } finally {
                if (c.setns(bound.home(), CLONE_NEWNET) != 0) {
                    // A thread stuck in a lab namespace must never do anything else: end the process.
                    Runtime.getRuntime().halt(70);
                }
            }
        } finally {
            c.close(fd);
        }
    }
}

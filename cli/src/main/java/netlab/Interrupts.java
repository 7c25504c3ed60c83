package netlab;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C handling: the first SIGINT (or SIGTERM, which CI runners send when they cancel a job, or SIGHUP, when the
 * terminal goes away) interrupts the main thread, so the running command stops at a safe point and cleans up after
 * itself; a third one gives up on cleaning and exits at once. A signal ignored when netlab started (nohup) stays
 * ignored.
 */
final class Interrupts {
    private Interrupts() {}

    /** How many Ctrl-Cs (or SIGTERMs) arrived so far. */
    record Received(AtomicInteger count) {
        boolean any() {
            return count.get() > 0;
        }
    }

    @SuppressWarnings("removal")
    static Received install(Thread main, boolean hangup) {
        AtomicInteger count = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) handle(name, main, count);
        if (hangup) handle("HUP", main, count);
        return new Received(count);
    }

    @SuppressWarnings("removal")
    private static void handle(String name, Thread main, AtomicInteger count) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> {
                int n = count.incrementAndGet();
                if (n == 1) {
                    System.err.println("\nnetlab: interrupted; stopping and cleaning up (Ctrl-C twice more to abandon the cleanup)");
                    main.interrupt();
                } else if (n >= 3) {
                    System.err.println("\nnetlab: cleanup abandoned; 'netlab down --all' removes what is left");
                    Runtime.getRuntime().halt(130);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // no signal support here: the JVM's default (exit at once) applies
        }
    }
}

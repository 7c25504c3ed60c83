package netlab.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import netlab.errors.NetlabException;
import netlab.process.Progress;

/**
 * One lab, one writer: {@code up}, {@code down} and {@code check} of a lab hold this lock, so two of them cannot
 * interleave. The kernel releases it when the holder dies, so a crash never leaves a lab locked. {@code down}
 * deletes the lock file while holding it; a waiter that then gets the lock on the deleted file notices (the path
 * names another file, or none) and locks the new file instead. The file holds the holder's pid, for messages.
 * While holding the lock, this process must not open the lock file again: closing any descriptor of it would
 * release the lock (POSIX record locks belong to the process).
 */
public final class LabLock implements AutoCloseable {
    private static final Set<OpenOption> OPEN = Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LabLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting (and saying so) while another netlab holds it, unless {@code wait} is false.
     * <p>
     * The file operations run on a thread of their own. An interrupted FileChannel closes itself, so a Ctrl-C
     * landing between creating the lock file and locking it would end the command and leave the file behind. Here
     * Ctrl-C only interrupts a wait for a busy lab (whose file is the other netlab's); otherwise taking the lock
     * completes, and the interrupt is kept for the caller's next safe point, which cleans up, lock file included.
     */
    public static LabLock acquire(StateStore store, LabName lab, boolean wait, Progress progress) {
        return acquire(store, store.lockFile(lab), lab, wait, progress);
    }

    private static LabLock acquire(StateStore store, Path file, LabName lab, boolean wait, Progress progress) {
        AtomicBoolean waiting = new AtomicBoolean(), cancelled = new AtomicBoolean();
        FutureTask<LabLock> task = new FutureTask<>(() -> acquireHere(store, file, lab, wait, progress, waiting, cancelled));
        Thread worker = new Thread(task, "netlab-lock");
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    cancelled.set(true); // set before looking at waiting; the worker sets waiting before looking here
                    if (waiting.get()) worker.interrupt();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private static LabLock acquireHere(StateStore store, Path file, LabName lab, boolean wait, Progress progress, AtomicBoolean waiting,
                                       AtomicBoolean cancelled) {
        boolean said = false;
        try {
            store.prepareLabsDir();
            while (true) {
                Object before = fileKey(file);
                // never through a link: a link planted as the lock file must not make netlab create or write elsewhere
                FileChannel ch = FileChannel.open(file, OPEN, PrivateFiles.fileMode());
                Object opened = fileKey(file);
                if (opened == null || (before != null && !before.equals(opened))) {
                    ch.close(); // replaced while we opened it: open the current one
                    continue;
                }
                FileLock l = ch.tryLock();
                if (l == null) {
                    String holder = holder(ch);
                    if (!wait) {
                        ch.close();
                        throw NetlabException.labState("lab '" + lab + "' is busy: another netlab" + holder + " is working on it");
                    }
                    if (!said) progress.info("waiting for lab '" + lab + "': another netlab" + holder + " is working on it");
                    said = true;
                    waiting.set(true);
                    if (cancelled.get()) {
                        ch.close();
                        throw new netlab.errors.InterruptedByUser("interrupted while waiting for lab '" + lab + "'");
                    }
                    l = ch.lock();
                    waiting.set(false);
                }
                // Is the locked file still the one the path names? (A down may have removed it while we waited.) Asked
                // with stat: opening the path again and closing it would release our lock, since POSIX record locks
                // belong to the process and any close of that file drops them.
                if (opened.equals(fileKey(file))) {
                    // the pid is for messages; the start time tells two holders with a reused pid apart (not a random
                    // UUID: its secure random source costs each command a few ms to set up)
                    String holder = ProcessHandle.current().pid() + " " + System.currentTimeMillis();
                    PrivateFiles.mode(file, PrivateFiles.FILE); // the umask may have narrowed it, an older netlab widened it
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    return new LabLock(file, ch, l);
                }
                l.release(); // the file was removed while we waited: lock the current one
                ch.close();
            }
        } catch (java.nio.channels.ClosedByInterruptException | java.nio.channels.FileLockInterruptionException e) {
            throw new netlab.errors.InterruptedByUser("interrupted while waiting for lab '" + lab + "'");
        } catch (IOException e) {
            throw NetlabException.environment("cannot lock lab '" + lab + "' (" + file + "): " + e.getMessage()
                    + (e instanceof java.nio.file.AccessDeniedException ? " (netlab needs root)" : ""));
        }
    }

    /**
     * The identity (device and inode) of the file the path names now, or null if there is none; never opens it, never
     * follows a link. Anything but a regular file there (a link, a FIFO) is refused.
     */
    private static Object fileKey(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile()) throw PrivateFiles.notOurs(file, PrivateFiles.kind(a) + " where netlab keeps a lab's lock file");
            return a.fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64);
        int n = ch.read(b, 0);
        String text = n > 0 ? new String(b.array(), 0, n, StandardCharsets.UTF_8).trim() : "";
        String pid = text.split(" ")[0];
        return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
    }

    /** Removes the lock file (the lab is gone); the lock itself is released by {@link #close()}. */
    public void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale lock file is harmless
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock anyway
        }
    }
}

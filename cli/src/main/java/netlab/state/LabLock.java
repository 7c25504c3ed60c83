package netlab.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import netlab.errors.NetlabException;
import netlab.runtime.Progress;

/**
 * One lab, one writer: {@code up}, {@code down} and {@code check} of a lab hold this lock, so two of them cannot
 * interleave. The kernel releases it when the holder dies, so a crash never leaves a lab locked. {@code down}
 * deletes the lock file while holding it; a waiter that then gets the lock on the deleted file notices (the
 * path no longer holds its token) and locks the new file instead.
 */
public final class LabLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LabLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting (and saying so) while another netlab holds it, unless {@code wait} is false. */
    public static LabLock acquire(Path file, String lab, boolean wait, Progress progress) {
        boolean said = false;
        try {
            Files.createDirectories(file.getParent());
            while (true) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock l = ch.tryLock();
                if (l == null) {
                    String holder = holder(ch);
                    if (!wait) {
                        ch.close();
                        throw NetlabException.labState("lab '" + lab + "' is busy: another netlab" + holder + " is working on it");
                    }
                    if (!said) progress.info("waiting for lab '" + lab + "': another netlab" + holder + " is working on it");
                    said = true;
                    l = ch.lock();
                }
                String token = ProcessHandle.current().pid() + " " + UUID.randomUUID();
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                if (token.equals(readPath(file))) return new LabLock(file, ch, l);
                l.release(); // the file was removed while we waited: lock the current one
                ch.close();
            }
        } catch (java.nio.channels.ClosedByInterruptException e) {
            throw new netlab.errors.InterruptedByUser("interrupted while waiting for lab '" + lab + "'");
        } catch (IOException e) {
            throw NetlabException.environment("cannot lock lab '" + lab + "' (" + file + "): " + e.getMessage()
                    + (e instanceof java.nio.file.AccessDeniedException ? " (netlab needs root)" : ""));
        }
    }

    private static String readPath(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
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

package netlab.state;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import netlab.errors.NetlabException;
import netlab.source.Printable;

/**
 * netlab's own files (lab records, topology copies, lock files, servers' directories and logs): made with the mode
 * asked for whatever the umask (0700 directories, 0600 files unless said otherwise), written through a fresh file
 * renamed into place, and read, listed and deleted without ever following a symbolic link. Whatever sits there that
 * netlab did not make (a link, a device, a FIFO) is refused with one line, never followed and never deleted through.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwx------");
    /** For what a server reads after it gave up root: readable by everyone, writable by root alone. */
    public static final Set<PosixFilePermission> SHARED_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    public static final Set<PosixFilePermission> SHARED_FILE = PosixFilePermissions.fromString("rw-r--r--");
    public static final Set<PosixFilePermission> SHARED_EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private PrivateFiles() {}

    /** {@link #FILE} as the attribute a file is created with (the umask may still take bits away). */
    public static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> fileMode() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    /** Gives a regular file (never a link) {@code mode} when it has another. */
    public static void mode(Path file, Set<PosixFilePermission> mode) throws IOException {
        if (!Files.getPosixFilePermissions(file, NO_FOLLOW).equals(mode)) Files.setPosixFilePermissions(file, mode);
    }

    /** The error for something in netlab's directories that netlab did not make: one line, exit 4. */
    public static NetlabException notOurs(Path p, String what) {
        return NetlabException.labState("refusing " + Printable.escaped(p.toString()) + ": " + what
                + "; netlab made no such thing there, and neither follows nor removes it (remove it yourself if it is stale)");
    }

    /** What the path names without following a link; empty when nothing is there. */
    public static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, NO_FOLLOW));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw NetlabException.environment("cannot look at " + Printable.escaped(p.toString()) + ": " + e.getMessage());
        }
    }

    /** What a non-regular, non-directory thing is, for messages. */
    public static String kind(BasicFileAttributes a) {
        if (a.isSymbolicLink()) return "a symbolic link";
        if (a.isDirectory()) return "a directory";
        if (a.isRegularFile()) return "a file";
        return "a special file (device, FIFO or socket)";
    }

    /**
     * Makes {@code dir} and every missing directory between {@code base} (which exists) and it, each with
     * {@code mode}; each one that exists already must be a real directory (it is given {@code mode} too).
     */
    public static void directories(Path base, Path dir, Set<PosixFilePermission> mode) throws IOException {
        Path rel = base.relativize(dir);
        if (rel.startsWith("..") || rel.isAbsolute()) throw new IllegalArgumentException(dir + " is not under " + base);
        Path at = base;
        for (Path part : rel) {
            if (part.toString().isEmpty()) continue;
            at = at.resolve(part);
            directory(at, mode);
        }
    }

    /** One directory with {@code mode}: made if missing; if there, it must be a real directory. */
    public static void directory(Path dir, Set<PosixFilePermission> mode) throws IOException {
        Optional<BasicFileAttributes> a = attributes(dir);
        if (a.isEmpty()) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(mode));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile by another netlab: looked at below
            }
            a = attributes(dir);
            if (a.isEmpty()) throw new NoSuchFileException(dir.toString());
        }
        if (!a.get().isDirectory()) throw notOurs(dir, kind(a.get()) + " where netlab keeps a directory");
        if (!Files.getPosixFilePermissions(dir, NO_FOLLOW).equals(mode)) Files.setPosixFilePermissions(dir, mode); // the umask narrowed it, or an older netlab made it
    }

    /**
     * Writes a whole file with {@code mode}: into a temporary file beside it that this call creates (never one that
     * was there, never through a link), then renamed over it, so a reader sees the old file or the new one.
     */
    public static void write(Path file, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        Optional<BasicFileAttributes> there = attributes(file);
        if (there.isPresent() && !there.get().isRegularFile()) throw notOurs(file, kind(there.get()) + " where netlab keeps a file");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // left by a killed netlab (a link is removed itself, never followed)
        create(tmp, mode);
        // a FileOutputStream, not a channel: Ctrl-C must not turn writing the record into a failure of its own (the
        // interrupt is acted on at the next safe point, which rolls back from this very record). The file is the
        // one just made, in a directory only root can write.
        try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
            out.write(bytes);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Creates an empty file with {@code mode}; fails if anything (a link too) is there already. */
    public static void create(Path file, Set<PosixFilePermission> mode) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(mode));
        Files.setPosixFilePermissions(file, mode); // the umask may have taken bits away
    }

    /**
     * A regular file's bytes, never through a link; empty when there is none. A link, a FIFO (whose read would
     * block) or a file larger than {@code limit} is refused.
     */
    public static Optional<byte[]> read(Path file, long limit) throws IOException {
        Optional<BasicFileAttributes> a = attributes(file);
        if (a.isEmpty()) return Optional.empty();
        if (!a.get().isRegularFile()) throw notOurs(file, kind(a.get()) + " where netlab keeps a file");
        if (a.get().size() > limit) throw notOurs(file, "a file of " + a.get().size() + " bytes where netlab keeps at most " + limit);
        try (SeekableByteChannel ch = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(limit, Math.max(a.get().size(), 0)) + 1);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // until the end, or one byte past the limit
            }
            if (buf.position() > limit) throw notOurs(file, "a file that grew past " + limit + " bytes");
            byte[] out = new byte[buf.position()];
            buf.flip().get(out);
            return Optional.of(out);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Deletes a directory and everything in it, never following a link: links in it are removed themselves, and
     * the walk goes through file descriptors of the directories it entered, so a directory swapped for a link
     * half-way leads nowhere else. {@code dir} must be a real directory (else the refusal says what it is).
     */
    public static void deleteTree(Path dir) throws IOException {
        Optional<BasicFileAttributes> a = attributes(dir);
        if (a.isEmpty()) return;
        if (!a.get().isDirectory()) throw notOurs(dir, kind(a.get()) + " where netlab keeps a directory");
        try (DirectoryStream<Path> parent = Files.newDirectoryStream(dir.getParent())) {
            if (parent instanceof SecureDirectoryStream<Path> sds) {
                deleteIn(sds, dir.getFileName());
                return;
            }
        }
        deleteWithoutFollowing(dir); // a file system without openat: the same walk by path, links not followed
    }

    private static void deleteIn(SecureDirectoryStream<Path> parent, Path name) throws IOException {
        try (SecureDirectoryStream<Path> sub = parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
            for (Path entry : sub) {
                Path child = entry.getFileName();
                BasicFileAttributes ca = sub.getFileAttributeView(child, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
                if (ca.isDirectory()) deleteIn(sub, child);
                else sub.deleteFile(child);
            }
        }
        parent.deleteDirectory(name);
    }

    private static void deleteWithoutFollowing(Path dir) throws IOException {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }
}

package netlab.routing.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import netlab.errors.NetlabException;
import netlab.routing.config.FrrDaemon;

/**
 * Makes a node's FRR directory ready for a start: created 0700 by root (nobody else may read the configuration or
 * reach the sockets), the configuration written, FRR's own subdirectories made, then all of it handed to FRR's user,
 * which the daemons are once they drop root. What a previous run left (pid files, sockets) is removed; the caller
 * has made sure none of its daemons still runs.
 */
public final class FrrWorkDir {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r-----");

    private FrrWorkDir() {}

    public static void prepare(FrrLayout layout, String config, FileOwner owner) {
        Path dir = layout.dir();
        try {
            if (Files.isSymbolicLink(dir)) throw NetlabException.failed("FRR's directory " + dir + " is a symbolic link; netlab made no such link");
            Files.createDirectories(dir.getParent());
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            Files.setPosixFilePermissions(dir, DIR);
            for (FrrDaemon d : FrrDaemon.values()) {
                Files.deleteIfExists(layout.pidFile(d));
                Files.deleteIfExists(layout.vtySocket(d));
            }
            Files.deleteIfExists(layout.zservSocket());
            write(layout.config(), config);
            write(layout.vtyshConfig(), "");
            for (Path sub : new Path[] {layout.tmp(), layout.frrRunDir()}) {
                if (!Files.isDirectory(sub, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(sub, PosixFilePermissions.asFileAttribute(DIR));
                owner.give(sub);
            }
            owner.give(layout.config());
            owner.give(layout.vtyshConfig());
            owner.give(dir);
        } catch (IOException e) {
            throw NetlabException.failed("cannot prepare FRR's directory " + dir + ": " + e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        Files.writeString(file, text);
    }
}

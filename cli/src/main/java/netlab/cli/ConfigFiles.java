package netlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import netlab.errors.NetlabException;
import netlab.source.Printable;

/**
 * The directory {@code netlab save} writes into, and its files, one per node ({@code NODE.conf}). A node's name comes
 * from a topology and is hostile: it must be one plain file name (letters, digits, '.', '-', '_', not starting with
 * '.'), so the file is a direct child of the directory, never a path outside it. Nothing is followed: the directory
 * must not be a symbolic link, nor any file in the way of one to be written; a file is written whole (a temporary
 * file beside it, moved over it) or not at all.
 */
final class ConfigFiles {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private final Path dir;

    private ConfigFiles(Path dir) {
        this.dir = dir;
    }

    /** The directory, made if it is not there (its parent must be); refused when it is a link or not a directory. */
    static ConfigFiles in(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) throw NetlabException.usage(Printable.name(dir.toString()) + " is a symbolic link; netlab follows none: give a directory");
        try {
            if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) Files.createDirectory(abs);
        } catch (FileAlreadyExistsException e) {
            // made meanwhile: checked below like any
        } catch (IOException e) {
            throw NetlabException.failed("cannot make " + Printable.name(dir.toString()) + ": " + e.getMessage());
        }
        if (Files.isSymbolicLink(abs) || !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw NetlabException.usage(Printable.name(dir.toString()) + " is not a directory");
        }
        return new ConfigFiles(abs);
    }

    Path dir() {
        return dir;
    }

    /** DIR/NODE.conf with the text; refused for a name that is no plain file name, or a link or non-file in the way. */
    Path write(String node, String text) {
        if (!FILE_NAME.matcher(node).matches()) throw NetlabException.usage("node name " + Printable.name(node) + " cannot name a file");
        Path file = dir.resolve(node + ".conf");
        if (!dir.equals(file.getParent())) throw NetlabException.usage("node name " + Printable.name(node) + " cannot name a file");
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw NetlabException.usage(Printable.name(file.toString()) + " exists and is not a regular file (a symbolic link is never followed)");
        }
        try {
            Path tmp = Files.createTempFile(dir, ".netlab-save", ".conf");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw NetlabException.failed("cannot write " + Printable.name(file.toString()) + ": " + e.getMessage());
        }
        return file;
    }
}

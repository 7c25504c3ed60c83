package netlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import netlab.errors.NetlabException;
import netlab.source.Printable;

/** A file a command writes for the user (an imported or generated topology): new, or with force replacing a regular file, never through a link. */
final class NewFile {
    private NewFile() {}

    /** A new file (or, with force, one replacing a regular file), written whole or not at all. */
    static void write(Path file, String text, boolean force) {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && (!force || !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS))) {
            throw NetlabException.usage(Printable.name(file.toString()) + " exists" + (force ? " and is not a regular file" : " (--force replaces it)"));
        }
        Path dir = abs.getParent();
        try {
            Path tmp = Files.createTempFile(dir, ".netlab-new", ".yaml");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw NetlabException.failed("cannot write " + Printable.name(file.toString()) + ": " + e.getMessage());
        }
    }
}

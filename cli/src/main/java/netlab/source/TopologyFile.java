package netlab.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads a topology file without trusting it. What it is comes first, from its attributes: a named pipe or a device
 * ({@code /dev/zero}) is refused without being opened (opening a pipe waits for a writer; a device never ends), and
 * so is a file larger than the budget (a sparse file of gigabytes costs nothing to stat). The read itself takes at
 * most one byte more than the budget, so a file that grows in the meantime is refused too, not read whole.
 */
public final class TopologyFile {
    private TopologyFile() {}

    /** The file's bytes, or empty with the reason in {@code diags}. */
    public static Optional<byte[]> read(Path file, String displayName, Budget budget, Diagnostics diags) {
        Pos whole = new Pos(displayName, 1, 1);
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isDirectory()) {
                diags.error(Pos.unknown(displayName), "is a directory, not a topology file");
                return Optional.empty();
            }
            if (!a.isRegularFile()) {
                diags.error(Pos.unknown(displayName), "is " + kindOf(file) + ", not a regular file; netlab reads a topology only from a file");
                return Optional.empty();
            }
            if (a.size() > budget.maxBytes()) {
                diags.error(whole, tooLarge(Long.toString(a.size()), budget));
                return Optional.empty();
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) budget.maxBytes() + 1);
            }
            if (bytes.length > budget.maxBytes()) {
                diags.error(whole, tooLarge("more than " + budget.maxBytes(), budget) + "; it grew while it was read");
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            diags.error(Pos.unknown(displayName), "no such file");
        } catch (IOException e) {
            diags.error(Pos.unknown(displayName), "cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The message for a file of {@code bytes} ("5242880", "more than 4194304") over the budget. */
    public static String tooLarge(String bytes, Budget budget) {
        return "the file has " + bytes + " bytes; a topology may have at most " + budget.maxBytes() + " (" + Budget.mib(budget.maxBytes())
                + "; " + budget.readingHint(Budget.mib(Budget.LARGE.maxBytes())) + ")";
    }

    /** "a named pipe (FIFO)", "a character device"...: what a file that is not a regular one is. */
    private static String kindOf(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}

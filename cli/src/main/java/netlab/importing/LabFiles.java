package netlab.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import netlab.errors.NetlabException;
import netlab.source.Printable;

/**
 * The files of a peer's lab, read so that nothing in it can make netlab read elsewhere: every path is a relative path
 * of plain names (no '..', no absolute path), every step of it is looked at without following links, and only
 * regular files within a size are read. A symlink anywhere (a device folder pointing at /etc, a file pointing at a
 * key) is reported as left out, never followed. The lab directory itself is resolved once, at the start.
 */
final class LabFiles {
    /** One file of a lab: a page, a config. Far above any teaching lab's. */
    static final long FILE_MAX = 1 << 20;
    /** Files of one device folder. */
    static final int FOLDER_FILES_MAX = 2000;
    /** A name within a lab the import will use: no control characters, no ':' (it separates a mount's parts). */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.+@%=,-]+");

    private final Path root;

    private LabFiles(Path root) {
        this.root = root;
    }

    /** The lab directory: it must exist and be a directory (a link to one is resolved here, once). */
    static LabFiles open(Path dir) {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
                throw NetlabException.usage("'" + Printable.name(dir.toString()) + "' is not a directory");
            }
            return new LabFiles(real);
        } catch (IOException e) {
            throw NetlabException.usage("cannot read lab directory '" + Printable.name(dir.toString()) + "': " + e.getMessage());
        }
    }

    Path root() {
        return root;
    }

    /** The absolute path of a file of the lab (for a mount); the relative path must be one {@link #checked}. */
    Path absolute(String relative) {
        return root.resolve(relative);
    }

    /** Why a relative path may not be used, or empty when it is plain names joined by '/'. */
    static Optional<String> checked(String relative) {
        if (relative.isEmpty() || relative.startsWith("/")) return Optional.of("not a relative path");
        for (String part : relative.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return Optional.of("'.', '..' or an empty part in its path");
            if (!PLAIN_NAME.matcher(part).matches()) return Optional.of("a name with characters other than letters, digits and _.+@%=,-");
        }
        return Optional.empty();
    }

    /**
     * The text of a regular file of the lab, when it is one: empty when there is nothing at that path. A link, a
     * directory, a device, a file too large or not UTF-8 is an error naming why (the caller lists it as left out).
     */
    Optional<String> read(String relative) throws Refused {
        Optional<String> bad = checked(relative);
        if (bad.isPresent()) throw new Refused(bad.get());
        Path p = root;
        String[] parts = relative.split("/");
        for (int i = 0; i < parts.length; i++) {
            p = p.resolve(parts[i]);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                return Optional.empty();
            }
            if (a.isSymbolicLink()) throw new Refused("a symbolic link (never followed)");
            if (i < parts.length - 1 && !a.isDirectory()) return Optional.empty();
            if (i == parts.length - 1) {
                if (!a.isRegularFile()) throw new Refused("not a regular file");
                if (a.size() > FILE_MAX) throw new Refused("larger than " + FILE_MAX + " bytes");
            }
        }
        return Optional.of(text(p));
    }

    private static String text(Path p) throws Refused {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes((int) FILE_MAX + 1);
        } catch (IOException e) {
            throw new Refused("cannot be read: " + e.getMessage());
        }
        if (bytes.length > FILE_MAX) throw new Refused("larger than " + FILE_MAX + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("not UTF-8 text");
        }
    }

    /** Whether the lab has a directory at this path (not a link). */
    boolean isDirectory(String relative) {
        if (checked(relative).isPresent()) return false;
        return Files.isDirectory(root.resolve(relative), LinkOption.NOFOLLOW_LINKS) && !hasLinkOnTheWay(relative);
    }

    private boolean hasLinkOnTheWay(String relative) {
        Path p = root;
        for (String part : relative.split("/")) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) return true;
        }
        return false;
    }

    /** A file found in a folder, or what stood in the way of using it. */
    record Entry(String path, Optional<String> refused) {}

    /**
     * Every file under a folder of the lab (relative paths, sorted), without following links: a link, a special
     * file or a name netlab will not use is an entry with the reason it is refused. At most {@link #FOLDER_FILES_MAX}.
     */
    List<Entry> filesUnder(String folder) {
        List<Entry> out = new ArrayList<>();
        if (!isDirectory(folder)) return out;
        walk(folder, out, 0);
        out.sort(java.util.Comparator.comparing(Entry::path));
        return out;
    }

    private void walk(String folder, List<Entry> out, int depth) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve(folder))) {
            for (Path c : ds) {
                if (children.size() + out.size() >= FOLDER_FILES_MAX) break;
                children.add(c);
            }
        } catch (IOException e) {
            out.add(new Entry(folder, Optional.of("cannot be listed: " + e.getMessage())));
            return;
        }
        children.sort(null);
        for (Path c : children) {
            String name = c.getFileName().toString();
            String rel = folder + "/" + name;
            Optional<String> bad = checked(rel);
            if (bad.isPresent()) {
                out.add(new Entry(folder + "/" + Printable.name(name), bad));
                continue;
            }
            if (Files.isSymbolicLink(c)) out.add(new Entry(rel, Optional.of("a symbolic link (never followed)")));
            else if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS)) {
                if (depth >= 32) out.add(new Entry(rel, Optional.of("nested too deep")));
                else walk(rel, out, depth + 1);
            } else if (Files.isRegularFile(c, LinkOption.NOFOLLOW_LINKS)) out.add(new Entry(rel, Optional.empty()));
            else out.add(new Entry(rel, Optional.of("not a regular file")));
        }
    }

    /** A file of the lab that cannot be used, and why. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }
}

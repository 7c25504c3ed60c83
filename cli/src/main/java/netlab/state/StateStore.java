package netlab.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.plan.Naming;
import netlab.process.Progress;
import netlab.source.Printable;

/**
 * Where labs' records live: {@code <state dir>/labs/<lab>/state.json} plus a copy of the topology the lab was
 * built from (so it can be checked and torn down after the file is gone). The default state directory is
 * /run/netlab: like the namespaces it describes, it does not survive a reboot.
 * <p>
 * Every file here is treated as someone else's until shown to be netlab's: a lab is named only by a checked
 * {@link LabName}, so its directory is always a direct child of {@code labs/} (and proved to be); directories are
 * 0700 and files 0600; nothing is read, written, listed into or deleted through a symbolic link, and an entry netlab
 * would not have made there is skipped (with one line) when listing, and refused when named.
 */
public final class StateStore {
    public static final String DEFAULT_DIR = "/run/netlab";
    /** A record or a topology copy larger than this is not one netlab wrote. */
    static final long RECORD_LIMIT = 64L << 20;
    private static final String STATE = "state.json";
    private static final String TOPOLOGY = "topology.yaml";
    private static final String LOCK_SUFFIX = ".lock";
    private final Path root;
    private final Path labsDir;
    private final Progress progress;
    /** Entries already reported, so listing several times in one command says each once. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public StateStore(Path root) {
        this(root, Progress.SILENT);
    }

    private StateStore(Path root, Progress progress) {
        this.root = root.toAbsolutePath().normalize();
        this.labsDir = this.root.resolve("labs");
        this.progress = progress;
    }

    /** The state directory from {@code --state-dir}, else $NETLAB_STATE_DIR, else /run/netlab. */
    public static StateStore fromEnvironment(String override) {
        String dir = override != null ? override : System.getenv().getOrDefault("NETLAB_STATE_DIR", DEFAULT_DIR);
        return new StateStore(Path.of(dir));
    }

    /** The same store, saying on {@code progress} which entries of the records directory it skips. */
    public StateStore reportingTo(Progress p) {
        return new StateStore(root, p);
    }

    public Path root() {
        return root;
    }

    public String token() {
        return Naming.token(root.toString());
    }

    public Naming naming(LabName lab) {
        return new Naming(lab.value(), token());
    }

    /** The lab's directory: {@code labs/<lab>}, proved to be a direct child of {@code labs/}. */
    Path labDir(LabName lab) {
        return child(lab.value());
    }

    /** The lab's lock file, {@code labs/<lab>.lock}: in netlab's own directory, whatever the name. */
    Path lockFile(LabName lab) {
        return child(lab.value() + LOCK_SUFFIX);
    }

    private Path child(String name) {
        Path p = labsDir.resolve(name);
        // a LabName cannot hold '/' nor be "." or "..": this holds by construction, and is checked all the same
        if (!labsDir.equals(p.getParent()) || !p.normalize().equals(p)) {
            throw NetlabException.usage("'" + Printable.name(name) + "' does not name an entry of " + labsDir);
        }
        return p;
    }

    /** A directory netlab may use for the lab's own files (server roots, data dirs); removed by down. */
    public Path workDir(LabName lab) {
        return labDir(lab).resolve("work");
    }

    /** Makes the lab's work directory (0700) and {@code sub} inside it (each part 0700), and returns the latter. */
    public Path makeWorkDir(LabName lab, Path sub) {
        Path work = workDir(lab);
        Path dir = work.resolve(sub).normalize();
        if (!dir.startsWith(work)) throw new IllegalArgumentException(sub + " is not inside the work directory");
        try {
            prepareLabDir(lab);
            PrivateFiles.directories(labDir(lab), dir, PrivateFiles.DIRECTORY);
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
        return dir;
    }

    public Optional<LabState> load(LabName lab) {
        Optional<String> text = readRecordFile(lab, STATE);
        if (text.isEmpty()) return Optional.empty();
        try {
            // the directory says which lab this is, whatever the file claims
            return Optional.of(LabState.fromJson(Json.parse(text.get())).named(lab.value()));
        } catch (IllegalArgumentException e) {
            throw NetlabException.labState("the record of lab '" + lab + "' (" + labDir(lab).resolve(STATE) + ") is unreadable: "
                    + Printable.escaped(String.valueOf(e.getMessage())) + "; remove the lab with 'netlab down --all'");
        }
    }

    public void save(LabName lab, LabState state) {
        writeRecordFile(lab, STATE, Json.write(state.named(lab.value())));
    }

    public void saveTopology(LabName lab, String text) {
        writeRecordFile(lab, TOPOLOGY, text);
    }

    public Optional<String> loadTopology(LabName lab) {
        return readRecordFile(lab, TOPOLOGY);
    }

    public Path storedTopologyPath(LabName lab) {
        return labDir(lab).resolve(TOPOLOGY);
    }

    /** Names of every lab with a record. Entries that are not netlab's are skipped, each said once. */
    public List<LabName> labs() {
        List<LabName> out = new ArrayList<>();
        for (Map.Entry<LabName, Boolean> e : entries().entrySet()) if (e.getValue()) out.add(e.getKey());
        return out;
    }

    /**
     * Labs with a record directory but no state.json: an {@code up} stopped while writing its record (the topology
     * copy goes first). Nothing of such a lab was made yet; only the files are left to remove.
     */
    public List<LabName> unfinishedRecords() {
        List<LabName> out = new ArrayList<>();
        for (Map.Entry<LabName, Boolean> e : entries().entrySet()) if (!e.getValue()) out.add(e.getKey());
        return out;
    }

    /** Whether any file of the lab's record is left (the lock file aside). */
    public boolean hasRecordFiles(LabName lab) {
        return PrivateFiles.attributes(labDir(lab)).isPresent();
    }

    /**
     * Removes the lab's record and work files (not its lock file, which a waiting process may hold open), without
     * following any link in them; a lab "directory" that is a link or a file is refused, not removed.
     */
    public void delete(LabName lab) {
        Path dir = labDir(lab);
        try {
            PrivateFiles.deleteTree(dir);
        } catch (IOException e) {
            throw NetlabException.failed("cannot remove " + dir + ": " + e.getMessage());
        }
    }

    /**
     * The lab directories in {@code labs/}, sorted, each with whether its state.json is there. Lock files are netlab's too. Anything else (a link, a name that is
     * no lab name, a record file that is a link) is skipped and said once: never followed, never taken for a lab.
     */
    private TreeMap<LabName, Boolean> entries() {
        TreeMap<LabName, Boolean> out = new TreeMap<>();
        Optional<BasicFileAttributes> dirAttrs = PrivateFiles.attributes(labsDir);
        if (dirAttrs.isEmpty()) return out;
        if (!dirAttrs.get().isDirectory()) {
            skip(labsDir, PrivateFiles.kind(dirAttrs.get()) + " where netlab keeps its lab records");
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(labsDir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                Optional<BasicFileAttributes> a = PrivateFiles.attributes(p);
                if (a.isEmpty()) continue; // removed meanwhile
                boolean lock = name.endsWith(LOCK_SUFFIX);
                Optional<LabName> lab = LabName.ifValid(lock ? name.substring(0, name.length() - LOCK_SUFFIX.length()) : name);
                if (lab.isEmpty()) {
                    skip(p, "its name is no lab name");
                } else if (lock) {
                    if (!a.get().isRegularFile()) skip(p, PrivateFiles.kind(a.get()) + " where netlab keeps a lab's lock file");
                } else if (!a.get().isDirectory()) {
                    skip(p, PrivateFiles.kind(a.get()) + " where netlab keeps a lab's directory");
                } else {
                    Optional<BasicFileAttributes> state = PrivateFiles.attributes(p.resolve(STATE));
                    if (state.isPresent() && !state.get().isRegularFile()) {
                        skip(p.resolve(STATE), PrivateFiles.kind(state.get()) + " where netlab keeps a lab's record");
                    } else {
                        out.put(lab.get(), state.isPresent());
                    }
                }
            }
        } catch (IOException e) {
            throw NetlabException.environment("cannot list " + labsDir + ": " + e.getMessage());
        }
        return out;
    }

    private void skip(Path p, String why) {
        String shown = Printable.escaped(p.toString());
        if (reported.add(shown)) progress.warn("skipping " + shown + ": " + why + " (not netlab's; left as it is)");
    }

    /** {@code labs/} and the lab's directory, made 0700 (the state directory too when netlab makes it). */
    void prepareLabsDir() throws IOException {
        if (PrivateFiles.attributes(root).isEmpty()) {
            Path existing = root;
            while (existing.getParent() != null && !Files.exists(existing)) existing = existing.getParent();
            PrivateFiles.directories(existing, root, PrivateFiles.DIRECTORY);
        }
        PrivateFiles.directory(labsDir, PrivateFiles.DIRECTORY);
    }

    private void prepareLabDir(LabName lab) throws IOException {
        prepareLabsDir();
        PrivateFiles.directory(labDir(lab), PrivateFiles.DIRECTORY);
    }

    private Optional<String> readRecordFile(LabName lab, String file) {
        Path dir = labDir(lab);
        Optional<BasicFileAttributes> a = PrivateFiles.attributes(dir);
        if (a.isEmpty()) return Optional.empty();
        if (!a.get().isDirectory()) throw PrivateFiles.notOurs(dir, PrivateFiles.kind(a.get()) + " where netlab keeps lab '" + lab + "'");
        Path f = dir.resolve(file);
        try {
            Optional<byte[]> bytes = PrivateFiles.read(f, RECORD_LIMIT);
            return bytes.isEmpty() ? Optional.empty() : Optional.of(new String(bytes.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw NetlabException.labState("the record of lab '" + lab + "' (" + f + ") is unreadable: " + e.getMessage()
                    + "; remove the lab with 'netlab down --all'");
        }
    }

    private void writeRecordFile(LabName lab, String file, String text) {
        Path f = labDir(lab).resolve(file);
        try {
            prepareLabDir(lab);
            PrivateFiles.write(f, text.getBytes(StandardCharsets.UTF_8), PrivateFiles.FILE);
        } catch (IOException e) {
            throw cannotWrite(f, e);
        }
    }

    private static NetlabException cannotWrite(Path f, IOException e) {
        return NetlabException.environment("cannot write " + f + ": " + e.getMessage()
                + (e instanceof java.nio.file.AccessDeniedException ? " (netlab needs root)" : ""));
    }
}

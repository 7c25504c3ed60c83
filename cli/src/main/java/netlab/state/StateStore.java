package netlab.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import netlab.errors.NetlabException;
import netlab.json.Json;
import netlab.plan.Naming;

/**
 * Where labs' records live: {@code <state dir>/labs/<lab>/state.json} plus a copy of the topology the lab was
 * built from (so it can be checked and torn down after the file is gone). The default state directory is
 * /run/netlab: like the namespaces it describes, it does not survive a reboot.
 */
public final class StateStore {
    public static final String DEFAULT_DIR = "/run/netlab";
    private final Path root;

    public StateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The state directory from {@code --state-dir}, else $NETLAB_STATE_DIR, else /run/netlab. */
    public static StateStore fromEnvironment(String override) {
        String dir = override != null ? override : System.getenv().getOrDefault("NETLAB_STATE_DIR", DEFAULT_DIR);
        return new StateStore(Path.of(dir));
    }

    public Path root() {
        return root;
    }

    public String token() {
        return Naming.token(root.toString());
    }

    public Naming naming(String lab) {
        return new Naming(lab, token());
    }

    Path labDir(String lab) {
        return root.resolve("labs").resolve(lab);
    }

    public Path lockFile(String lab) {
        return root.resolve("labs").resolve(lab + ".lock");
    }

    /** A directory netlab may use for the lab's own files (server roots, data dirs); removed by down. */
    public Path workDir(String lab) {
        return labDir(lab).resolve("work");
    }

    public Optional<LabState> load(String lab) {
        Path f = labDir(lab).resolve("state.json");
        try {
            return Optional.of(LabState.fromJson(Json.parse(Files.readString(f))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw NetlabException.labState("the record of lab '" + lab + "' (" + f + ") is unreadable: " + e.getMessage()
                    + "; remove the lab with 'netlab down --all'");
        }
    }

    public void save(LabState state) {
        write(labDir(state.lab()).resolve("state.json"), Json.write(state));
    }

    public void saveTopology(String lab, String text) {
        write(labDir(lab).resolve("topology.yaml"), text);
    }

    public Optional<String> loadTopology(String lab) {
        try {
            return Optional.of(Files.readString(labDir(lab).resolve("topology.yaml")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path storedTopologyPath(String lab) {
        return labDir(lab).resolve("topology.yaml");
    }

    /** Names of every lab with a record. */
    public List<String> labs() {
        List<String> out = new ArrayList<>();
        Path dir = root.resolve("labs");
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : s) if (Files.exists(p.resolve("state.json"))) out.add(p.getFileName().toString());
        } catch (IOException e) {
            throw NetlabException.environment("cannot list " + dir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /**
     * Labs with a record directory but no state.json: an {@code up} stopped while writing its record (the topology
     * copy goes first). Nothing of such a lab was made yet; only the files are left to remove.
     */
    public List<String> unfinishedRecords() {
        List<String> out = new ArrayList<>();
        Path dir = root.resolve("labs");
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : s) if (!Files.exists(p.resolve("state.json"))) out.add(p.getFileName().toString());
        } catch (IOException e) {
            throw NetlabException.environment("cannot list " + dir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    /** Whether any file of the lab's record is left (the lock file aside). */
    public boolean hasRecordFiles(String lab) {
        return Files.exists(labDir(lab));
    }

    /** Removes the lab's record and work files (not its lock file, which a waiting process may hold open). */
    public void delete(String lab) {
        Path dir = labDir(lab);
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw NetlabException.failed("cannot remove " + dir + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            // a FileOutputStream, not a channel: Ctrl-C must not turn writing the record into a failure of its own
            // (the interrupt is acted on at the next safe point, which rolls back from this very record)
            try (java.io.FileOutputStream out = new java.io.FileOutputStream(tmp.toFile())) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw NetlabException.environment("cannot write " + file + ": " + e.getMessage()
                    + (e instanceof java.nio.file.AccessDeniedException ? " (netlab needs root)" : ""));
        }
    }
}

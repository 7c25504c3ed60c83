package netlab.badinput;

/**
 * One topology file that must be refused: its bytes, the kind of damage ({@code category}) and what exactly was
 * done to it, for the person reading a failure.
 */
public record BrokenTopology(String id, String category, String what, byte[] bytes) {
    /** The file name the corpus is written under: sortable, and telling what the case is. */
    public String fileName() {
        return id + "-" + category + ".yaml";
    }

    @Override
    public String toString() {
        return fileName() + " (" + what + ")";
    }
}

package netlab.state;

import java.util.Optional;
import netlab.errors.NetlabException;
import netlab.topology.Names;

/**
 * A lab's name that passed {@link Names#checkLab}: letters, digits, '-' and '_', at most 40, not starting with '-'.
 * The records store, the lab's lock and its namespace and container names take only this type, and its one
 * constructor checks, so a name from an argument, a file, a record, a mark or a label reaches none of them
 * unchecked: none can be ".", "..", hold a '/' or a newline, or read as an option.
 */
public record LabName(String value) implements Comparable<LabName> {
    public LabName {
        if (value == null) throw NetlabException.usage("the lab name is missing");
        Optional<String> problem = Names.checkLab(value);
        if (problem.isPresent()) throw NetlabException.usage(problem.get());
    }

    /** A name the user gave (an argument, {@code --name}, a file's {@code name}); refused with exit 2 when bad. */
    public static LabName of(String text) {
        return new LabName(text);
    }

    /** A name read back from the machine (a directory entry, a mark, a label): empty when it is not a lab name. */
    public static Optional<LabName> ifValid(String text) {
        return text != null && Names.checkLab(text).isEmpty() ? Optional.of(new LabName(text)) : Optional.empty();
    }

    @Override
    public int compareTo(LabName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package netlab.check;

import java.util.Set;
import netlab.yaml.Fields;

/** One kind of check: the key that selects it in a topology and how to read its settings. */
public interface CheckKind {
    /** The key written in the check ("ping", "exec", "fdb"…). */
    String key();

    /** Keys allowed inside the kind's mapping. */
    Set<String> fields();

    /** Reads the kind's mapping; reports problems to {@code fields.diags()} and returns a body anyway. */
    CheckBody parse(Fields fields);
}

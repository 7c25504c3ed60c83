package netlab.check;

import java.util.Set;
import netlab.kind.Kind;
import netlab.yaml.Fields;

/** One kind of check: the key that selects it in a topology and how to read its settings. */
public interface CheckKind extends Kind {
    /** The key written in the check ("ping", "exec", "fdb"…). */
    @Override
    String key();

    /** Keys allowed inside the kind's mapping. */
    Set<String> fields();

    /**
     * Reads the kind's mapping; reports problems to {@code fields.diags()} and returns a body anyway.
     *
     * @param nested reads a probe the check holds inside (a capture's {@code during})
     */
    CheckBody parse(Fields fields, NestedProbes nested);
}

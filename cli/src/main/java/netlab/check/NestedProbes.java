package netlab.check;

import java.util.Optional;
import netlab.source.Diagnostics;
import netlab.yaml.YMap;

/** Reads a probe that a check holds inside its settings (a capture's {@code during}), of any check kind. */
public interface NestedProbes {
    /**
     * @param m       the mapping under {@code field}: exactly one check kind with its settings
     * @param example a probe as it could be written there, for the message when it is not one
     */
    Optional<CheckBody> read(YMap m, String field, String example, Diagnostics d);
}

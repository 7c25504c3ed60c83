package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One interface of an imported node, filled while a lab is read: its addresses, MAC, and (a bridge) its ports. */
final class ImportedInterface {
    final List<String> addresses = new ArrayList<>();
    Optional<String> mac = Optional.empty();
    /** "bridge" for a bridge the node holds; empty for an interface a link makes. */
    Optional<String> type = Optional.empty();
    final List<String> ports = new ArrayList<>();
    /** delay, jitter, loss, rate: netlab's impairment keys. */
    final Map<String, String> impairment = new LinkedHashMap<>();
}

package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node of an imported lab, filled while its peer's files are read, then written out as netlab's YAML. Every
 * string in it came from the peer's lab: {@link TopologyYaml} quotes all of them.
 */
final class ImportedNode {
    record Route(String to, Optional<String> via, Optional<String> dev) {}

    /** A rule as netlab writes it: its kind (dnat, masquerade) and its settings in order. */
    record Rule(String kind, Map<String, String> fields) {}

    final String name;
    /** namespace or container */
    String kind = "namespace";
    Optional<String> image = Optional.empty();
    Optional<String> command = Optional.empty();
    boolean forwarding;
    final Map<String, ImportedInterface> interfaces = new LinkedHashMap<>();
    final List<Route> routes = new ArrayList<>();
    final Map<String, String> sysctls = new LinkedHashMap<>();
    final List<Rule> rules = new ArrayList<>();
    /** An http service's pages (path under its document root → content); empty: no http service. */
    Optional<Map<String, String>> httpPages = Optional.empty();
    /** FRR configuration text for the node's routing (its daemons' configuration, read from the device folder). */
    Optional<String> routingFrr = Optional.empty();
    final List<String> exec = new ArrayList<>();
    final List<String> mounts = new ArrayList<>();
    final Map<String, String> environment = new LinkedHashMap<>();

    ImportedNode(String name) {
        this.name = name;
    }

    ImportedInterface iface(String name) {
        return interfaces.computeIfAbsent(name, n -> new ImportedInterface());
    }

    boolean container() {
        return kind.equals("container");
    }
}

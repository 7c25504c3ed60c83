package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.routing.spec.RawFrrRules;
import netlab.source.Printable;

/**
 * A device's routing daemon configuration, read into the one FRR text netlab's {@code routing: frr:} takes: FRR's
 * integrated {@code etc/frr/frr.conf}, or the per-daemon files of FRR, Quagga or Zebra ({@code zebra.conf}, then
 * {@code ospfd.conf}, {@code bgpd.conf}, {@code ripd.conf}... of the daemons its {@code daemons} file turns on), in
 * the order FRR would read them. FRR reads Quagga's configuration language. What netlab refuses in raw FRR text
 * ({@code log} and {@code dump} lines: netlab gives each daemon its log), and {@code debug} lines (logging only, and
 * FRR refuses Quagga's), are left out and said so; a router block of
 * a daemon netlab does not run keeps the text from being imported at all.
 */
final class RoutingConfig {
    /** The services a startup starts a routing suite by, and the folders (under etc/) they read, in preference. */
    static final Set<String> SUITES = Set.of("frr", "quagga", "zebra");
    /** Per-daemon files, in the order their daemons start (zebra first). */
    static final List<String> DAEMONS = List.of("zebra", "staticd", "ospfd", "ospf6d", "ripd", "ripngd", "bgpd");

    private RoutingConfig() {}

    /** The folders a suite's service reads its configuration from, in preference. */
    static List<String> folders(String suite) {
        return switch (suite) {
            case "frr" -> List.of("etc/frr");
            case "quagga" -> List.of("etc/quagga", "etc/zebra");
            default -> List.of("etc/zebra", "etc/quagga", "etc/frr");
        };
    }

    /** The routing suite a Kathará image carries: kathara/frr, kathara/quagga (any tag). */
    static Optional<String> suiteOfImage(String image) {
        if (image.matches("kathara/frr(:[A-Za-z0-9._-]+)?")) return Optional.of("frr");
        if (image.matches("kathara/quagga(:[A-Za-z0-9._-]+)?")) return Optional.of("quagga");
        return Optional.empty();
    }

    /** Whether a file of the device's folder is part of its routing suite's configuration (read here, not left out). */
    static boolean isSuiteFile(String inside) {
        return inside.startsWith("/etc/frr/") || inside.startsWith("/etc/quagga/") || inside.startsWith("/etc/zebra/");
    }

    /**
     * The FRR text of a device that starts {@code suite}, or empty (and why, in the lab) when there is none to run.
     *
     * @param device the device's name, which is its folder's
     */
    static Optional<String> read(LabFiles files, ImportedLab lab, String device, String suite, String where) {
        for (String folder : folders(suite)) {
            String dir = device + "/" + folder + "/";
            if (!files.isDirectory(device + "/" + folder)) continue;
            Optional<String> integrated = text(files, lab, dir + "frr.conf");
            Set<String> on = enabled(files, lab, dir + "daemons");
            List<String> parts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (integrated.isPresent() && folder.equals("etc/frr")) {
                parts.add(integrated.get());
                names.add(dir + "frr.conf");
            } else {
                for (String d : DAEMONS) {
                    if (!on.isEmpty() && !on.contains(d) && !d.equals("zebra")) continue;
                    Optional<String> t = text(files, lab, dir + d + ".conf");
                    if (t.isPresent()) {
                        parts.add(t.get());
                        names.add(dir + d + ".conf");
                    }
                }
            }
            if (parts.isEmpty()) continue;
            return clean(lab, device, String.join("\n!\n", parts), String.join(", ", names));
        }
        lab.skip(where, "start " + suite, "no configuration for it in the device's folder (etc/frr, etc/quagga or etc/zebra)");
        return Optional.empty();
    }

    private static Optional<String> text(LabFiles files, ImportedLab lab, String path) {
        try {
            return files.read(path);
        } catch (LabFiles.Refused r) {
            lab.skip(path, "routing configuration", r.getMessage());
            return Optional.empty();
        }
    }

    /** The daemons a {@code daemons} file turns on ({@code ospfd=yes}); empty when there is no such file. */
    static Set<String> enabled(LabFiles files, ImportedLab lab, String path) {
        Set<String> on = new LinkedHashSet<>();
        text(files, lab, path).ifPresent(t -> {
            for (String line : t.split("\r?\n")) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.startsWith("#") || eq <= 0) continue;
                String value = l.substring(eq + 1).strip().replace("\"", "").replace("'", "");
                if (value.equals("yes")) on.add(l.substring(0, eq).strip());
            }
        });
        return on;
    }

    /** The text without what netlab refuses in raw FRR text, each left-out kind said once. */
    private static Optional<String> clean(ImportedLab lab, String device, String text, String from) {
        StringBuilder out = new StringBuilder();
        Set<String> dropped = new LinkedHashSet<>();
        for (String line : text.split("\r?\n", -1)) {
            if (line.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
                lab.skip(from, Printable.line(line.strip()), "control characters in FRR configuration");
                continue;
            }
            String[] w = line.strip().split("\\s+");
            // what only says where and how much a daemon logs; Quagga's debug commands FRR no longer knows ('debug bgp fsm')
            if (w[0].equals("log") || w[0].equals("dump") || w[0].equals("debug")) {
                dropped.add(w[0]);
                continue;
            }
            if (w[0].equals("router") && w.length > 1 && !RawFrrRules.ROUTERS.contains(w[1])) {
                lab.skip(from, "router " + Printable.name(w[1]), "netlab runs zebra, staticd, ospfd, ospf6d, ripd, ripngd and bgpd only");
                return Optional.empty();
            }
            out.append(line).append('\n');
        }
        // said in the note: such a line is no part of what the lab does (and would make the device a container of its image)
        String without = dropped.isEmpty() ? "" : ", without its " + String.join(", ", dropped) + " lines (netlab gives each daemon its log"
                + " file in the lab's work directory; FRR refuses Quagga's debug commands; a dump writes files outside the lab)";
        lab.notes.add(device + ": its routing configuration (" + from + ") is the node's routing frr text" + without);
        return Optional.of(out.toString());
    }
}

package netlab.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.errors.NetlabException;
import netlab.source.Printable;
import netlab.topology.Names;

/**
 * Reads a Kathará lab directory (lab.conf, shared.startup, DEVICE.startup, device folders) into an {@link ImportedLab}.
 * A device is a namespace node when it needs nothing of its image (kathara/base, or any image none of whose files
 * or programs its startup uses), else a container of that image. Every collision domain is a switch, as in Kathará
 * (a Linux bridge). Kathará turns on IPv4 forwarding in every device; so does the import.
 */
final class KatharaImporter {
    private final LabFiles files;
    private final ImportedLab lab;

    private KatharaImporter(LabFiles files, ImportedLab lab) {
        this.files = files;
        this.lab = lab;
    }

    static ImportedLab read(Path dir, Optional<String> name, Set<String> leaveOut) {
        LabFiles files = LabFiles.open(dir);
        String labName = name.orElseGet(() -> LabName.from(files.root().getFileName() == null ? "" : files.root().getFileName().toString()));
        ImportedLab lab = new ImportedLab("Kathará", dir.toString(), labName);
        String conf;
        try {
            conf = files.read("lab.conf").orElseThrow(() -> NetlabException.usage("'" + Printable.name(dir.toString())
                    + "' has no lab.conf: not a Kathará lab directory"));
        } catch (LabFiles.Refused r) {
            throw NetlabException.usage("the lab.conf of '" + Printable.name(dir.toString()) + "' cannot be used: " + r.getMessage());
        }
        new KatharaImporter(files, lab).build(LabConf.parse(conf, lab), leaveOut);
        return lab;
    }

    private void build(LabConf conf, Set<String> leaveOut) {
        for (String d : leaveOut) {
            if (!conf.devices.containsKey(d)) throw NetlabException.usage("--leave-out " + Printable.name(d) + ": the lab has no such device");
        }
        Optional.ofNullable(conf.meta.get("LAB_DESCRIPTION")).filter(s -> !s.isBlank()).ifPresent(s -> lab.description = Optional.of(s));
        if (files.isDirectory("_test")) lab.skip("_test", "expected outputs", "checks are not derived from them (only neighbour reachability and web pages are)");
        try {
            if (files.read("lab.ext").isPresent()) lab.skip("lab.ext", "collision domains on the host's interfaces", "netlab never connects a lab to the host");
        } catch (LabFiles.Refused r) {
            lab.skip("lab.ext", "collision domains on the host's interfaces", r.getMessage());
        }
        List<String> shared = startup("shared.startup");
        if (files.isDirectory("shared")) lab.skip("shared/", "the folder Kathará mounts in every device", "not imported: mount it yourself on container nodes");
        lab.notes.add("IPv4 forwarding is on in every node, as Kathará turns it on in every device");
        Map<String, String> switchNames = switchNames(conf);
        for (LabConf.Device device : conf.devices.values()) {
            if (leaveOut.contains(device.name())) {
                lab.skip(device.name(), "the device", "left out with --leave-out");
                continue;
            }
            device(device, shared);
            for (Map.Entry<Integer, LabConf.Attachment> e : device.interfaces().entrySet()) {
                lab.links.add(new ImportedLab.Link(device.name() + ":eth" + e.getKey(), switchNames.get(e.getValue().domain())));
            }
        }
        // switches nobody is left on are not made
        Set<String> used = new LinkedHashSet<>();
        for (ImportedLab.Link l : lab.links) used.add(l.b());
        for (Map.Entry<String, String> e : switchNames.entrySet()) {
            if (used.contains(e.getValue())) lab.switches.put(e.getValue(), e.getKey());
        }
        DerivedChecks.add(lab);
    }

    /** Collision domain → switch name: its own when that is a valid interface name no node has, else cdN. */
    private Map<String, String> switchNames(LabConf conf) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new java.util.HashSet<>(conf.devices.keySet());
        int n = 0;
        for (LabConf.Device d : conf.devices.values()) {
            for (LabConf.Attachment a : d.interfaces().values()) {
                if (out.containsKey(a.domain())) continue;
                String name = a.domain();
                if (Names.checkIfname(name, "switch").isPresent() || taken.contains(name) || name.contains(".")) {
                    do name = "cd" + (++n); while (taken.contains(name) || conf.devices.containsKey(name));
                    lab.notes.add("collision domain '" + Printable.line(a.domain()) + "' is switch " + name);
                }
                taken.add(name);
                out.put(a.domain(), name);
            }
        }
        return out;
    }

    private List<String> startup(String file) {
        try {
            return files.read(file).map(t -> List.of(t.split("\r?\n", -1))).orElse(List.of());
        } catch (LabFiles.Refused r) {
            lab.skip(file, "the startup file", r.getMessage());
            return List.of();
        }
    }

    private void device(LabConf.Device device, List<String> shared) {
        Optional<String> image = device.first("image");
        boolean plain = image.isEmpty() || image.get().matches("kathara/base(:[A-Za-z0-9._-]+)?");
        List<LabFiles.Entry> folder = files.filesUnder(device.name());
        // first as a namespace node; a device of another image that needs anything of it becomes a container
        ImportedLab trial = new ImportedLab(lab.format, lab.source, lab.name);
        ImportedNode asNamespace = translate(trial, device, shared, false, folder);
        if (plain || trial.unimported.isEmpty()) {
            if (!plain) lab.notes.add(device.name() + ": nothing of image " + Printable.line(image.get()) + " is used, so it is a namespace node");
            lab.nodes.put(device.name(), asNamespace);
            lab.unimported.addAll(trial.unimported);
            lab.notes.addAll(trial.notes);
            return;
        }
        ImportedNode asContainer = translate(lab, device, shared, true, folder);
        asContainer.image = image;
        lab.nodes.put(device.name(), asContainer);
    }

    private ImportedNode translate(ImportedLab into, LabConf.Device device, List<String> shared, boolean container, List<LabFiles.Entry> folder) {
        ImportedNode node = new ImportedNode(device.name());
        node.forwarding = true;
        if (container) {
            node.kind = "container";
            // Kathará keeps a device up with a terminal; a container node must keep running by itself
            node.command = Optional.of("sleep infinity");
        }
        for (Map.Entry<Integer, LabConf.Attachment> e : device.interfaces().entrySet()) {
            ImportedInterface i = node.iface("eth" + e.getKey());
            i.mac = e.getValue().mac();
        }
        for (LabConf.Option o : device.options()) option(into, node, o);
        StartupTranslator t = new StartupTranslator(into, node, "shared.startup");
        t.translate(shared, 1);
        StartupTranslator own = new StartupTranslator(into, node, device.name() + ".startup");
        own.translate(startup(device.name() + ".startup"), 1);
        List<String> exec = device.option("exec");
        if (!exec.isEmpty()) new StartupTranslator(into, node, "lab.conf " + device.name() + "[exec]").translate(exec, 1);
        Optional<StartupTranslator> routing = List.of(t, own).stream().filter(x -> x.startsRouting.isPresent()).reduce((a, b) -> b);
        routing.ifPresent(r -> node.routingFrr = RoutingConfig.read(files, into, device.name(), r.startsRouting.get(), r.routingStartedAt));
        Optional<String> suite = device.first("image").flatMap(RoutingConfig::suiteOfImage);
        if (routing.isEmpty() && suite.isPresent() && RoutingConfig.folders(suite.get()).stream().anyMatch(f -> files.isDirectory(device.name() + "/" + f))) {
            // a lesson that has the student start the daemons by hand: netlab runs them from the start
            node.routingFrr = RoutingConfig.read(files, into, device.name(), suite.get(), "lab.conf " + device.name() + "[image]");
            if (node.routingFrr.isPresent()) {
                into.notes.add(device.name() + ": its startup does not start " + suite.get() + " (the lab has it started by hand); the node runs its"
                        + " configuration from the start");
            }
        }
        deviceFiles(into, node, folder, t.startsWebServer || own.startsWebServer);
        return node;
    }

    private void option(ImportedLab into, ImportedNode node, LabConf.Option o) {
        String where = "lab.conf:" + o.line();
        switch (o.key()) {
            case "image" -> { }
            case "sysctl" -> {
                int eq = o.value().indexOf('=');
                if (eq > 0 && o.value().startsWith("net.") && o.value().substring(0, eq).matches("[A-Za-z0-9_.-]+")) {
                    new StartupTranslator(into, node, where).setting(o.value().substring(0, eq), o.value().substring(eq + 1));
                } else into.skip(where, node.name + "[sysctl]=" + Printable.line(o.value()), "only net.* sysctls are per namespace");
            }
            case "exec" -> { } // startup commands, translated after the startup file
            case "ipv6" -> {
                if (!o.value().equalsIgnoreCase("true")) {
                    into.skip(where, node.name + "[ipv6]=" + Printable.line(o.value()), "IPv6 is not switched off: an interface has the IPv6 addresses it is given");
                }
            }
            case "env" -> {
                int eq = o.value().indexOf('=');
                if (node.container() && eq > 0 && o.value().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    node.environment.put(o.value().substring(0, eq), o.value().substring(eq + 1));
                } else into.skip(where, node.name + "[env]", node.container() ? "not NAME=VALUE" : "a namespace node has the host's environment");
            }
            case "bridged", "port" -> into.skip(where, node.name + "[" + o.key() + "]", "a connection to the host: netlab never connects a lab to the host");
            default -> into.skip(where, node.name + "[" + Printable.line(o.key()) + "]", "a Kathará option netlab has no counterpart for");
        }
    }

    /** The device folder: web pages for its http service, mounts in a container, else listed as left out. */
    private void deviceFiles(ImportedLab into, ImportedNode node, List<LabFiles.Entry> folder, boolean web) {
        String html = node.name + "/var/www/html/";
        Map<String, String> pages = new LinkedHashMap<>();
        for (LabFiles.Entry e : folder) {
            if (e.refused().isPresent()) {
                into.skip(e.path(), "a file of device " + node.name, e.refused().get());
                continue;
            }
            String inside = e.path().substring(node.name.length());
            if (node.routingFrr.isPresent() && RoutingConfig.isSuiteFile(inside)) {
                continue; // read into the node's routing
            } else if (node.container()) {
                node.mounts.add(files.absolute(e.path()) + ":" + inside + ":ro");
            } else if (web && e.path().startsWith(html)) {
                try {
                    files.read(e.path()).ifPresent(text -> pages.put(e.path().substring(html.length()), text));
                } catch (LabFiles.Refused r) {
                    into.skip(e.path(), "a web page", r.getMessage());
                }
            } else {
                into.skip(e.path(), "a file for the device's own file system",
                        "a namespace node shares the host's; per-node files exist only for containers (and web pages for the http service)");
            }
        }
        if (web) node.httpPages = Optional.of(pages);
        if (node.container() && !node.mounts.isEmpty()) {
            into.notes.add(node.name + ": its files are mounted read-only from the lab directory, one by one");
        }
    }

    /** What a lab directory's name becomes as a lab name. */
    static final class LabName {
        private LabName() {}

        static String from(String dirName) {
            String s = dirName.replaceAll("[^A-Za-z0-9_-]", "-").replaceAll("^[-_]+", "");
            if (s.length() > Names.LAB_MAX) s = s.substring(0, Names.LAB_MAX);
            return s.isEmpty() ? "imported" : s;
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\r?\n", -1)));
    }
}

package netlab.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.source.Printable;

/**
 * A Kathará lab.conf: {@code DEVICE[N]="CD"} or {@code "CD/MAC"} puts the device's interface ethN on collision domain
 * CD; {@code DEVICE[option]=value} sets an option (image, sysctl, ipv6, bridged...); {@code LAB_DESCRIPTION=...}
 * and the like describe the lab. Anything else is reported, never guessed at.
 */
final class LabConf {
    /** One device: its interfaces by index, and its options in file order (an option may repeat: sysctl, exec). */
    record Device(String name, TreeMap<Integer, Attachment> interfaces, List<Option> options, int line) {
        List<String> option(String key) {
            return options.stream().filter(o -> o.key().equalsIgnoreCase(key)).map(Option::value).toList();
        }

        Optional<String> first(String key) {
            List<String> all = option(key);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
        }
    }

    record Attachment(String domain, Optional<String> mac, int line) {}

    record Option(String key, String value, int line) {}

    private static final Pattern ENTRY = Pattern.compile("([^\\[\\]=\\s]+)\\[([^\\[\\]=\\s]+)\\]\\s*=\\s*(.*)");
    private static final Pattern META = Pattern.compile("(LAB_[A-Z_]+)\\s*=\\s*(.*)");
    private static final Pattern INDEX = Pattern.compile("\\d{1,4}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    static final int DEVICES_MAX = 5000;

    final Map<String, Device> devices = new LinkedHashMap<>();
    final Map<String, String> meta = new LinkedHashMap<>();

    /** Reads the text; what it cannot read goes to {@code lab} as left out. */
    static LabConf parse(String text, ImportedLab lab) {
        LabConf c = new LabConf();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = "lab.conf:" + no;
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                c.meta.put(meta.group(1), unquote(meta.group(2)));
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                lab.skip(where, Printable.line(line), "not a DEVICE[KEY]=VALUE line");
                continue;
            }
            String device = m.group(1), key = m.group(2), value = unquote(m.group(3));
            Optional<String> bad = netlab.topology.Names.checkNode(device);
            if (bad.isPresent()) {
                lab.skip(where, Printable.line(line), bad.get());
                continue;
            }
            if (!c.devices.containsKey(device) && c.devices.size() >= DEVICES_MAX) {
                lab.skip(where, Printable.line(line), "more than " + DEVICES_MAX + " devices");
                continue;
            }
            Device d = c.devices.computeIfAbsent(device, n -> new Device(n, new TreeMap<>(), new ArrayList<>(), no));
            if (INDEX.matcher(key).matches()) {
                int index = Integer.parseInt(key);
                String domain = value;
                Optional<String> mac = Optional.empty();
                int slash = value.indexOf('/');
                if (slash >= 0) {
                    domain = value.substring(0, slash);
                    String macText = value.substring(slash + 1);
                    if (!MAC.matcher(macText).matches()) {
                        lab.skip(where, Printable.line(line), "'" + Printable.name(macText) + "' is not a MAC address");
                        continue;
                    }
                    mac = Optional.of(macText.toLowerCase());
                }
                if (domain.isEmpty()) {
                    lab.skip(where, Printable.line(line), "no collision domain");
                    continue;
                }
                if (d.interfaces().putIfAbsent(index, new Attachment(domain, mac, no)) != null) {
                    lab.skip(where, Printable.line(line), "interface eth" + index + " of " + device + " is given twice");
                }
            } else {
                d.options().add(new Option(key.toLowerCase(), value, no));
            }
        }
        return c;
    }

    private static String unquote(String v) {
        String t = v.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}

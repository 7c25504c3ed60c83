package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Values far beyond any sane range: numbers past 64 bits, durations of centuries, names thousands of characters
 * long, a file larger than netlab reads. Each must give a one-line error, not an overflow or a flood of text.
 */
final class HugeValues implements CaseGenerator {
    static final String BEYOND_LONG = "99999999999999999999999999";

    @Override
    public String category() {
        return "huge-value";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            // the first integer or duration the seed has, far too big
            seed.sites(s -> !s.isKey() && s.kind() == Site.Kind.SCALAR && WrongTypes.TYPED.containsKey(s.key())
                            && s.value().matches("\\d+(ms|s|m)?")).stream().findFirst()
                    .ifPresent(s -> out.add(Draft.text(seed.name() + ": " + s.where() + " = " + BEYOND_LONG,
                            seed.replace(s, BEYOND_LONG + (s.value().matches("\\d+") ? "" : "s")))));
            seed.sites(s -> !s.isKey() && s.path().equals(List.of("name"))).forEach(s -> out.add(Draft.text(
                    seed.name() + ": a lab name of 5000 characters", seed.replace(s, Seed.LAB_PREFIX + "x".repeat(5000)))));
            seed.sites(s -> s.isNameKey() && s.up(1).equals("nodes")).stream().findFirst().ifPresent(s -> out.add(Draft.text(
                    seed.name() + ": node " + s.value() + " renamed with 1000 characters", seed.replace(s, "n".repeat(1000)))));
        }
        String n = "\n";
        out.add(Draft.text("count of 2^64", Handmade.withCheck("ping: {from: h1, to: h2, count: 18446744073709551616}")));
        out.add(Draft.text("count of 1e999 (a float)", Handmade.withCheck("ping: {from: h1, to: h2, count: 1e999}")));
        out.add(Draft.text("count of -9223372036854775809", Handmade.withCheck("ping: {from: h1, to: h2, count: -9223372036854775809}")));
        out.add(Draft.text("count of 100000 (above the limit)", Handmade.withCheck("ping: {from: h1, to: h2, count: 100000}")));
        out.add(Draft.text("reply_ttl of 256", Handmade.withCheck("ping: {from: h1, to: h2, reply_ttl: 256}")));
        out.add(Draft.text("hex count beyond 64 bits", Handmade.withCheck("ping: {from: h1, to: h2, count: 0x7fffffffffffffffffff}")));
        out.add(Draft.text("octal count beyond 64 bits", Handmade.withCheck("ping: {from: h1, to: h2, count: 0o7777777777777777777777777}")));
        out.add(Draft.text("timeout of 9999999999999999999s", Handmade.withCheck("ping: {from: h1, to: h2}" + n + "    timeout: 9999999999999999999s")));
        out.add(Draft.text("timeout of 10^30 ms", Handmade.withCheck("ping: {from: h1, to: h2}" + n + "    timeout: 1000000000000000000000000000000ms")));
        out.add(Draft.text("timeout of 1e400ms", Handmade.withCheck("ping: {from: h1, to: h2}" + n + "    timeout: 1e400ms")));
        out.add(Draft.text("interval of a century", Handmade.withCheck("ping: {from: h1, to: h2}" + n + "    interval: 3153600000s")));
        out.add(Draft.text("retries of 2^63", Handmade.withCheck("ping: {from: h1, to: h2}" + n + "    retries: 9223372036854775808")));
        out.add(Draft.text("capture min of 2^40", Handmade.withCheck("capture: {on: h2:eth1, filter: icmp, during: {ping: {from: h1, to: h2}}, min: 1099511627776}")));
        out.add(Draft.text("mtu of 2^32", Handmade.withH1("{interfaces: {eth1: {mtu: 4294967296}}}")));
        out.add(Draft.text("mtu of 67", Handmade.withH1("{interfaces: {eth1: {mtu: 67}}}")));
        out.add(Draft.text("mtu of 65536", Handmade.withH1("{interfaces: {eth1: {mtu: 65536}}}")));
        out.add(Draft.text("route metric beyond 32 bits", Handmade.withH1("{routes: [{to: 10.9.0.0/16, via: 10.0.0.2, metric: 99999999999}]}")));
        out.add(Draft.text("interface name of 300 characters", Handmade.withH1("{interfaces: {" + "e".repeat(300) + ": {addresses: []}}}")));
        out.add(Draft.text("switch name of 16 characters", Handmade.NAME + "switches:\n  " + "s".repeat(16) + ": {}\n" + Handmade.NODES));
        out.add(Draft.text("node name of 41 characters", Handmade.NAME + "nodes:\n  " + "h".repeat(41) + ": {}\n"));
        out.add(Draft.text("a key longer than YAML allows a simple key (2000 characters)", Handmade.NAME + "nodes:\n  " + "k".repeat(2000) + ": {}\n"));
        out.add(Draft.text("exec line of 1 MiB in an unknown key", Handmade.lab() + "huge: " + "x".repeat(1 << 20) + "\n"));
        out.add(Draft.text("a file of 5 MiB (description)", Handmade.lab() + "description: " + "d".repeat(5 << 20) + "\n"));
        out.add(Draft.text("10000 unknown keys in one node", Handmade.NAME + "nodes:\n  h1:\n" + manyKeys(10_000)));
        out.add(Draft.text("5000 links to missing nodes", Handmade.NAME + Handmade.SWITCHES + Handmade.NODES + "links:\n" + manyLinks(5000)));
        out.add(Draft.text("60000 nodes (over the limit of 5000)", Handmade.NAME + "nodes:\n" + manyNodes(60_000)));
        return out;
    }

    private static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("    key").append(i).append(": ").append(i).append('\n');
        return sb.toString();
    }

    private static String manyNodes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("  h").append(i).append(": {}\n");
        return sb.toString();
    }

    private static String manyLinks(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("  - [x").append(i).append(":eth1, sw1]\n");
        return sb.toString();
    }
}

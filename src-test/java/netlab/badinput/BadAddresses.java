package netlab.badinput;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Subnets and addresses that are malformed (a prefix of 33, an octet of 256, a missing prefix) or well formed but
 * wrong where they stand (the network or broadcast address, outside the switch's subnet, host bits in a subnet,
 * IPv6 where IPv4 belongs).
 */
final class BadAddresses implements CaseGenerator {
    static final int PER_SEED = 8;
    static final int PER_SITE = 4;

    @Override
    public String category() {
        return "bad-address";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Draft> mine = new ArrayList<>();
            for (Site s : seed.sites(s -> !s.isKey() && s.kind() == Site.Kind.SCALAR && isAddress(s))) {
                List<String> variants = s.key().equals("subnet") ? subnetVariants(s.value()) : addressVariants(s.value());
                int first = random.nextInt(variants.size());
                for (int i = 0; i < PER_SITE && mine.size() < PER_SEED; i++) {
                    String v = variants.get((first + i) % variants.size());
                    mine.add(Draft.text(seed.name() + ": " + s.where() + " " + s.value() + " -> " + v, seed.replace(s, v)));
                }
            }
            out.addAll(mine);
        }
        return out;
    }

    private static boolean isAddress(Site s) {
        boolean where = s.key().equals("subnet") || (s.key().equals("addresses") && s.isItem());
        return where && s.value().matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+");
    }

    /** The original is a.b.c.d/p, a valid subnet. */
    static List<String> subnetVariants(String cidr) {
        String[] ip = cidr.split("/")[0].split("\\.");
        String net3 = ip[0] + "." + ip[1] + "." + ip[2];
        String prefix = cidr.split("/")[1];
        return List.of(
                net3 + ".0/33", net3 + ".256/" + prefix, net3 + "/" + prefix, net3 + ".0/", "/" + prefix,
                net3 + ".0/" + prefix + "/8", "1." + net3 + ".0/" + prefix, net3 + ".0/-1", net3 + ".0/2a",
                net3 + ".0/99999999999999999999", "999." + ip[1] + "." + ip[2] + ".0/" + prefix,
                net3 + ".5/" + prefix, "2001:db8::/64", net3 + ".0/32", net3 + ".0 /" + prefix, "\"\"", "0x0a.1.1.0/24");
    }

    /**
     * The original is a.b.c.d/p, a valid host address. The variants are wrong whatever segment it is on: malformed,
     * or the network or broadcast address of its own prefix.
     */
    static List<String> addressVariants(String cidr) {
        String[] ip = cidr.split("/")[0].split("\\.");
        String net3 = ip[0] + "." + ip[1] + "." + ip[2];
        int prefix = Integer.parseInt(cidr.split("/")[1]);
        long address = 0;
        for (String octet : ip) address = address << 8 | Long.parseLong(octet);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        List<String> out = new java.util.ArrayList<>(List.of(
                net3 + ".256/" + prefix, net3 + "." + ip[3], net3 + "." + ip[3] + "/33", "fe80::1::2/64",
                net3 + "." + ip[3] + "/" + prefix + "/" + prefix, "localhost", net3 + "." + ip[3] + "/x",
                "-" + net3 + "." + ip[3] + "/" + prefix));
        if (prefix <= 30) {
            out.add(dotted(address & mask) + "/" + prefix);
            out.add(dotted((address & mask) | (~mask & 0xFFFFFFFFL)) + "/" + prefix);
        }
        return out;
    }

    private static String dotted(long v) {
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }
}

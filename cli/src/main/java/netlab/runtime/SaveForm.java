package netlab.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rule as iptables-save prints it back. netlab writes its rules nearly in that form already; the exceptions are
 * values the kernel stores in another shape: a statistic match's probability (a 31-bit fraction, printed with eleven
 * decimals: 1/3 comes back as 0.33333333349) and the MARK target's shorthands (iptables keeps a value and a mask:
 * {@code --xor-mark 0x4000} comes back as {@code --set-xmark 0x4000/0x0}). Comparing a node's rules with what netlab
 * would install goes through this, so a rule is the same rule whichever way it was written.
 */
public final class SaveForm {
    private SaveForm() {}

    /** A rule's words (its matches and target, without the comment), as netlab's rule set holds them, in iptables-save's. */
    public static String of(List<String> w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            if (i + 1 < w.size()) {
                String v = w.get(i + 1);
                switch (word) {
                    case "--probability" -> {
                        out.add(word);
                        out.add(probability(v));
                        i++;
                        continue;
                    }
                    case "--xor-mark" -> {
                        out.add("--set-xmark");
                        out.add(hex(v) + "/0x0");
                        i++;
                        continue;
                    }
                    case "--or-mark" -> {
                        out.add("--set-xmark");
                        out.add(hex(v) + "/" + hex(v));
                        i++;
                        continue;
                    }
                    case "--and-mark" -> {
                        out.add("--set-xmark");
                        out.add("0x0/" + String.format("0x%x", ~number(v) & 0xffffffffL));
                        i++;
                        continue;
                    }
                    case "--set-mark" -> {
                        out.add("--set-xmark");
                        out.add(v.contains("/") ? v : hex(v) + "/0xffffffff");
                        i++;
                        continue;
                    }
                    default -> {
                    }
                }
            }
            out.add(word);
        }
        return String.join(" ", out);
    }

    /** iptables stores lround(2^31 x p) and prints it divided by 2^31 with %.11f. */
    static String probability(String p) {
        try {
            long stored = Math.round(0x80000000L * Double.parseDouble(p));
            return String.format(Locale.ROOT, "%.11f", stored / (double) 0x80000000L);
        } catch (NumberFormatException e) {
            return p;
        }
    }

    private static long number(String v) {
        return Long.decode(v) & 0xffffffffL;
    }

    private static String hex(String v) {
        try {
            return String.format("0x%x", number(v));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}

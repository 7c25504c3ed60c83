package netlab.badinput;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bytes that are not UTF-8 (a stray 0xFF, an overlong or surrogate sequence, a character cut at the end of the
 * file, Latin-1 text, a file saved as UTF-16 or UTF-32) and UTF-8 characters YAML does not allow (NUL, control
 * characters, non-characters).
 */
final class BadEncodings implements CaseGenerator {
    static final int PER_SEED = 3;

    /** Byte sequences that are not UTF-8, with what they are. */
    static final List<byte[]> INVALID = List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE9},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0x41});
    static final List<String> INVALID_NAMES = List.of("0xFF", "overlong NUL C0 80", "UTF-16 surrogate ED A0 80",
            "lone continuation byte 80", "Latin-1 e-acute E9", "5-byte sequence", "beyond U+10FFFF", "cut 3-byte sequence");

    @Override
    public String category() {
        return "encoding";
    }

    @Override
    public List<Draft> generate(List<Seed> seeds, Random random) {
        List<Draft> out = new ArrayList<>();
        for (Seed seed : seeds) {
            List<Site> scalars = seed.sites(s -> s.kind() == Site.Kind.SCALAR);
            for (int i = 0; i < PER_SEED; i++) {
                int which = (i + random.nextInt(INVALID.size())) % INVALID.size();
                Site at = scalars.get(random.nextInt(scalars.size()));
                int offset = at.start() + random.nextInt(Math.max(1, at.end() - at.start()));
                out.add(new Draft(seed.name() + ": " + INVALID_NAMES.get(which) + " at offset " + offset + " in " + at.where(),
                        bytesWith(seed, offset, INVALID.get(which))));
            }
            out.add(new Draft(seed.name() + ": ends in the middle of a 3-byte character",
                    concat(seed.text().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82})));
        }
        String lab = Handmade.lab();
        out.add(new Draft("the file saved as UTF-16LE with a byte order mark", withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, lab.getBytes(StandardCharsets.UTF_16LE))));
        out.add(new Draft("the file saved as UTF-16BE with a byte order mark", withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, lab.getBytes(StandardCharsets.UTF_16BE))));
        out.add(new Draft("the file saved as UTF-16LE without a byte order mark", lab.getBytes(StandardCharsets.UTF_16LE)));
        out.add(new Draft("the file saved as UTF-32", lab.getBytes(Charset.forName("UTF-32"))));
        out.add(new Draft("a Latin-1 description", (lab + "description: caf\u00e9 na\u00efve\n").getBytes(StandardCharsets.ISO_8859_1)));
        out.add(Draft.text("a NUL character in a node name", Handmade.NAME + "nodes:\n  h\u00001: {}\n"));
        out.add(Draft.text("a NUL character in the description", Handmade.lab() + "description: \"a\u0000b\"\n"));
        out.add(Draft.text("a BEL control character in a key", Handmade.lab() + "descr\u0007iption: x\n"));
        out.add(Draft.text("an ESC control character in a value", Handmade.withH1("{exec: [\"echo \u001b[31m\"]}")));
        out.add(Draft.text("a DEL character in the lab name", "name: badinput\u007fx\n" + Handmade.NODES));
        out.add(Draft.text("the non-character U+FFFE", Handmade.lab() + "description: x\ufffey\n"));
        out.add(Draft.text("the non-character U+FFFF in a key", Handmade.NAME + "nodes:\n  h\uffff: {}\n"));
        out.add(Draft.text("a byte order mark in the middle of the file", Handmade.NAME + "\ufeff" + Handmade.NODES));
        return out;
    }

    private static byte[] bytesWith(Seed seed, int codePointOffset, byte[] bad) {
        String before = seed.insert(codePointOffset, "\u0000").split("\u0000", 2)[0];
        String after = seed.text().substring(before.length());
        return concat(concat(before.getBytes(StandardCharsets.UTF_8), bad), after.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        return concat(bom, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}

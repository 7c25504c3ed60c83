package netlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Shell text pasted into a real POSIX shell whose programs are stand-ins: each records the arguments it got and what
 * it read on standard input, and does nothing else. So a test sees exactly what the shell would have run, and
 * nothing the text holds can run anything real (the shell's PATH holds only the stand-ins).
 */
public final class Pasted {
    /** One program the shell ran. {@code args} without the program's name. */
    public record Call(String program, List<String> args, String stdin) {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return program + " " + args + (stdin.isEmpty() ? "" : " <<" + stdin);
        }
    }

    /** What the shell did: its exit code, what it printed on stderr, and the programs it ran, in no particular order. */
    public record Result(int exitCode, String stderr, List<Call> calls) {}

    /** Stand-ins that record and then do the real thing, for text that needs it (directories for its redirections). */
    private static final List<String> PASS_THROUGH = List.of("mkdir");
    private static final String RECORDER = """
            #!/bin/sh
            # a stand-in: records its name, arguments (NUL-terminated) and standard input, one directory per call
            d=$(/usr/bin/mktemp -d "$PASTED_CALLS/call.XXXXXXXX") || exit 99
            printf '%s' "${0##*/}" > "$d/program"
            for a in "$@"; do printf '%s\\0' "$a"; done > "$d/args"
            /usr/bin/cat > "$d/stdin"
            case "${0##*/}" in PASS_THROUGH) exec "/usr/bin/${0##*/}" "$@";; esac
            exit 0
            """;

    private Pasted() {}

    /**
     * Runs {@code text} with {@code shell} (such as /bin/sh) in {@code dir}, standard input empty, with stand-ins for
     * {@code programs} as the only programs it can find.
     */
    public static Result run(String shell, String text, Path dir, List<String> programs) {
        try {
            Path bin = Files.createDirectories(dir.resolve("stand-ins"));
            Path calls = Files.createDirectories(dir.resolve("calls"));
            Path recorder = bin.resolve("record");
            Files.writeString(recorder, RECORDER.replace("PASS_THROUGH", String.join("|", PASS_THROUGH)));
            recorder.toFile().setExecutable(true);
            for (String p : programs) {
                Path link = bin.resolve(p);
                if (!Files.exists(link)) Files.createSymbolicLink(link, recorder.getFileName());
            }
            ProcessBuilder pb = new ProcessBuilder(shell, "-c", text + "\nwait\n").directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put("PATH", bin.toString());
            pb.environment().put("PASTED_CALLS", calls.toString());
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            List<Call> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(calls)) {
                for (Path c : s.sorted().toList()) out.add(read(c));
            }
            // the next run starts with no calls
            try (Stream<Path> s = Files.walk(calls)) {
                s.sorted(Comparator.reverseOrder()).filter(x -> !x.equals(calls)).forEach(x -> x.toFile().delete());
            }
            return new Result(code, err, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Call read(Path c) throws IOException {
        String program = Files.readString(c.resolve("program"));
        String all = Files.readString(c.resolve("args"), StandardCharsets.UTF_8);
        List<String> args = all.isEmpty() ? List.of() : Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
        return new Call(program, args, Files.readString(c.resolve("stdin"), StandardCharsets.UTF_8));
    }

    /** Calls as a sorted list, to compare two sets of calls made in any order. */
    public static List<Call> sorted(List<Call> calls) {
        return calls.stream().sorted(Comparator.comparing(Call::toString)).toList();
    }
}

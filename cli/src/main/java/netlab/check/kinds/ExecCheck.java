package netlab.check.kinds;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import netlab.check.CheckBody;
import netlab.check.CheckContext;
import netlab.check.CheckKind;
import netlab.check.NestedProbes;
import netlab.check.Observation;
import netlab.check.Placeholders;
import netlab.check.Target;
import netlab.model.LabModel;
import netlab.process.ProcResult;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code exec: {node: h1, command: "ip route", exit: 0, output: "default via"}}: runs a shell command in a node
 * and checks its exit code and, optionally, that its output (stdout and stderr) matches a regular expression.
 *
 * <p>Ran: the node was entered (its namespace, or its running container) and the shell started the command. Exit
 * codes 126 and 127 are the shell's own for a command it could not execute or did not find (POSIX): a command
 * that never started observed nothing, so they mean "could not run", unless {@code exit} asks for exactly that
 * code (a check that a tool is absent). A command that runs past the timeout ran; not finishing is what it showed.
 */
public record ExecCheck(String node, String command, int exit, Optional<Pattern> output, Pos nodePos, Pos commandPos) implements CheckBody {
    /** The shell's exit codes for a command it found but could not execute (126) and one it did not find (127). */
    private static final Set<Integer> NOT_STARTED = Set.of(126, 127);

    public static final class Kind implements CheckKind {
        @Override
        public String key() {
            return "exec";
        }

        @Override
        public Set<String> fields() {
            return Set.of("node", "command", "exit", "output");
        }

        @Override
        public CheckBody parse(Fields f, NestedProbes nested) {
            String node = f.requiredString("node").orElse("");
            String command = f.requiredString("command").orElse("true");
            int exit = (int) f.integer("exit", 0, 0, 255);
            Optional<Pattern> output = f.string("output").flatMap(p -> {
                try {
                    return Optional.of(Pattern.compile(p, Pattern.MULTILINE));
                } catch (PatternSyntaxException e) {
                    f.diags().error(f.posOf("output"), "'output' is not a valid regular expression: " + e.getDescription());
                    return Optional.empty();
                }
            });
            return new ExecCheck(node, command, exit, output, f.posOf("node"), f.posOf("command"));
        }
    }

    @Override
    public String kind() {
        return "exec";
    }

    @Override
    public String describe() {
        return "exec " + node + ": " + command;
    }

    @Override
    public void validate(LabModel model, Diagnostics d) {
        new Target(node, nodePos).validNode(model, d, "exec in node");
        Placeholders.validate(command, commandPos, model, d);
    }

    @Override
    public Observation attempt(CheckContext ctx, Duration timeout) throws InterruptedException {
        String cmd = Placeholders.expand(command, ctx);
        ProcResult r = ctx.inNode(node, List.of("sh", "-c", cmd), timeout);
        String all = r.stdout() + r.stderr();
        if (r.timedOut()) return Observation.notOk("timed out after " + timeout.toMillis() + " ms");
        if (NOT_STARTED.contains(r.exitCode()) && r.exitCode() != exit) {
            return Observation.couldNotRun("the command did not start (exit code " + r.exitCode() + ")" + firstLine(all));
        }
        if (r.exitCode() != exit) {
            return Observation.notOk("exit code " + r.exitCode() + " (expected " + exit + ")" + firstLine(all));
        }
        if (output.isPresent() && !output.get().matcher(all).find()) {
            return Observation.notOk("output does not match /" + output.get().pattern() + "/" + firstLine(all));
        }
        return Observation.ok("exit " + r.exitCode() + (output.isPresent() ? ", output matches /" + output.get().pattern() + "/" : ""));
    }

    private static String firstLine(String s) {
        String t = s.strip();
        if (t.isEmpty()) return "";
        String line = t.lines().findFirst().orElse("");
        return ": " + (line.length() > 160 ? line.substring(0, 160) + "…" : line);
    }
}

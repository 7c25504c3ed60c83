package netlab.plan;

import java.util.Optional;

/** A shell command run inside a node (its {@code exec} list). Recorded once done so a re-run of up skips it. */
public record ShellOp(String node, String command, Optional<ObjectRef> creates) implements Op {
    @Override
    public String describe() {
        return command;
    }

    @Override
    public Tool tool() {
        return Tool.SHELL;
    }
}

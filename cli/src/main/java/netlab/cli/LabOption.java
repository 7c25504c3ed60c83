package netlab.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -l/--lab} option of every command that works on one running lab, declared once (a picocli mixin:
 * {@code @Mixin LabOption lab;}). The commands whose lab is their one positional parameter (status, check,
 * link show) take it as a parameter instead.
 */
public final class LabOption {
    @Option(names = {"-l", "--lab"}, paramLabel = "LAB", description = "Lab name or topology file (default: the only lab that is up).")
    String lab;

    /** The lab given, or null: then the only lab that is up ({@link netlab.console.LabSelector}). */
    public String name() {
        return lab;
    }
}

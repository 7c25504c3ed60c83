package netlab.cli;

import java.util.concurrent.Callable;
import netlab.errors.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Print netlab's version.")
public final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Override
    public Integer call() {
        for (String line : new VersionProvider().getVersion()) top.out().println(line);
        return ExitCode.OK;
    }
}

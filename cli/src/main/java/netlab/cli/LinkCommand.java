package netlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code netlab link set|clear|show}: the impairments of a running lab's links. */
@Command(name = "link", mixinStandardHelpOptions = true, description = "Change or show link impairments (delay, jitter, loss, rate) of a running lab. Example: netlab link set mylab h1:eth1 delay 100ms loss 1%%",
        subcommands = {LinkSetCommand.class, LinkClearCommand.class, LinkShowCommand.class})
public final class LinkCommand implements Runnable {
    @ParentCommand
    NetlabCommand top;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(top.out());
    }
}

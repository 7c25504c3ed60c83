package netlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code netlab import kathara|containerlab}: a peer's lab as a netlab topology. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {"Translate a lab written for another tool into a netlab topology",
        "(what cannot be translated is listed on stderr and in the file). Example: netlab import kathara lab/ -o lab.yaml"},
        subcommands = {ImportKatharaCommand.class, ImportContainerlabCommand.class})
public final class ImportCommand implements Runnable {
    @ParentCommand
    NetlabCommand top;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(top.out());
    }
}

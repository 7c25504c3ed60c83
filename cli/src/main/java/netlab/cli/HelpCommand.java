package netlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "help", description = "Show help for a command, or 'netlab help topology' for the topology file format.")
public final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    NetlabCommand top;

    @Parameters(arity = "0..1", paramLabel = "TOPIC", description = "A command name, or 'topology'.")
    String topic;

    @Override
    public Integer call() {
        CommandLine parent = spec.parent().commandLine();
        if (topic == null) {
            parent.usage(top.out());
        } else if (topic.equals("topology")) {
            top.out().print(topologyReference());
        } else if (parent.getSubcommands().containsKey(topic)) {
            parent.getSubcommands().get(topic).usage(top.out());
        } else {
            throw NetlabException.usage("no help topic '" + topic + "'" + netlab.source.Suggest.hint(topic,
                    new java.util.TreeSet<>(parent.getSubcommands().keySet())) + "; topics: topology, or a command name");
        }
        return ExitCode.OK;
    }

    public static String topologyReference() {
        try (InputStream in = HelpCommand.class.getResourceAsStream("/netlab/topology-reference.txt")) {
            if (in == null) throw new IllegalStateException("topology reference missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.console.Io;
import netlab.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine;

/** The subcommand registry Main builds the command tree from agrees with the commands' own annotations. */
class SubcommandsTest {
    @Test
    void everyNameIsTheCommandsOwnName() {
        for (Map.Entry<String, Class<?>> e : NetlabCommand.SUBCOMMANDS.entrySet()) {
            assertThat(e.getValue().getAnnotation(Command.class).name()).as(e.getValue().getSimpleName()).isEqualTo(e.getKey());
        }
        NetlabCommand.ALIASES.forEach((alias, name) ->
                assertThat(NetlabCommand.SUBCOMMANDS.get(name).getAnnotation(Command.class).aliases()).contains(alias));
    }

    @Test
    void helpListsEveryCommandAndAMistakeStillGetsSuggestions() {
        Cli.Result help = new Cli().run("--help");
        NetlabCommand.SUBCOMMANDS.keySet().forEach(n -> assertThat(help.out()).contains("  " + n));
        Cli.Result typo = new Cli().run("--no-color", "valdate", "x.yaml");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("validate");
        assertThat(new Cli().run("ls").exitCode()).isIn(0, 3);
    }

    @Test
    void noOptionNeedsTheConvertersMainLeavesOut() {
        // Main tells picocli not to register its java.time and java.sql converters (start-up time): an option of
        // such a type would then fail to parse
        List<String> typed = new ArrayList<>();
        collectTypes(CommandTree.of(new NetlabCommand(Io.system())), typed);
        assertThat(typed).isNotEmpty().noneMatch(t -> t.contains("java.time.") || t.contains("java.sql."));
    }

    private static void collectTypes(CommandLine cl, List<String> out) {
        for (ArgSpec arg : cl.getCommandSpec().args()) {
            out.add(arg.type().getName());
            for (Class<?> aux : arg.auxiliaryTypes()) out.add(aux.getName());
        }
        cl.getSubcommands().values().forEach(sub -> collectTypes(sub, out));
    }
}

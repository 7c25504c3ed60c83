package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import netlab.testing.Cli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

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
}

package netlab.routing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import netlab.routing.config.FrrConfigText;
import netlab.routing.spec.RawFrr;
import netlab.source.Pos;
import org.junit.jupiter.api.Test;

/** What vtysh -b says about lines it refused, traced to the topology. */
class FrrConfigErrorsTest {
    @Test
    void eachRefusedLineIsNamedByWhereItCameFrom() {
        FrrConfigText text = new FrrConfigText("r1", "x\n".repeat(20) + "bogus line\n", 21, Optional.of(new RawFrr("bogus line\n", new Pos("t.yaml", 12, 8))));
        // vtysh 8.4's own words (captured by hand: a file with an unknown command and an OSPF cost of 0), after the
        // complaint without newline PAM made it print on a machine whose PAM stacks were missing
        String out = "vtysh_pam: Failed in account validation: Permission denied(6)line 21: % Unknown command[25]:  bogus line\nline 19: % Unknown command[17]:  ip ospf cost 0\n"
                + "Configuration file[/run/frr.conf] processing failure: 2\n";
        assertThat(FrrConfigErrors.describe(text, out)).isEqualTo(
                "line 1 of the frr text of node 'r1' (t.yaml:12:8): % Unknown command: bogus line; "
                        + "line 19 of the configuration netlab generated for node 'r1': % Unknown command: ip ospf cost 0");
        assertThat(FrrConfigErrors.describe(text, "Exiting: failed to connect to any daemons.\n"))
                .isEqualTo("Exiting: failed to connect to any daemons.");
        assertThat(FrrConfigErrors.describe(text, "line 1: x\n".repeat(7))).endsWith("; and 2 more");
    }
}

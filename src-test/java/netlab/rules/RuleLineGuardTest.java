package netlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netlab.runtime.Table;
import org.junit.jupiter.api.Test;

/** An iptables-restore line is one rule of plain words and one quoted comment, whatever its parts held. */
class RuleLineGuardTest {

    @Test
    void anOrdinaryRuleIsOneLine() {
        RuleLine l = new RuleLine(Table.NAT, "POSTROUTING", List.of("-s", "10.0.0.0/24", "-o", "eth2"), List.of("-j", "MASQUERADE"),
                "service web -> pod5 (1 of 2)");
        assertThat(l.rule("netlab:lab:8fba85d3 rule 1 line 31: " + l.note()).line())
                .isEqualTo("-A POSTROUTING -s 10.0.0.0/24 -o eth2 -m comment --comment \"netlab:lab:8fba85d3 rule 1 line 31: service web"
                        + " -> pod5 (1 of 2)\" -j MASQUERADE");
    }

    @Test
    void aWordOrCommentThatWouldAddARuleOrEndTheCommentIsRefused() {
        for (String word : List.of("eth2\n-A INPUT -j DROP", "a b", "\"x\"", "a\\", "'", "")) {
            assertThatThrownBy(() -> new RuleLine(Table.FILTER, "INPUT", List.of("-i", word), List.of("-j", "ACCEPT")))
                    .as(word).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new RuleLine(Table.FILTER, "INPUT\nCOMMIT", List.of(), List.of("-j", "ACCEPT")))
                .isInstanceOf(IllegalArgumentException.class);
        RuleLine ok = new RuleLine(Table.FILTER, "INPUT", List.of(), List.of("-j", "ACCEPT"));
        for (String comment : List.of("x\" -j DROP \"", "x\n-A INPUT -j DROP", "x\\", "it's")) {
            assertThatThrownBy(() -> ok.rule(comment)).as(comment).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RuleLine(Table.FILTER, "INPUT", List.of(), List.of("-j", "ACCEPT"), comment))
                    .as(comment).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package netlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.model.ModelNode;
import netlab.source.InvalidTopologyException;
import org.junit.jupiter.api.Test;

/** dnat's probability: iptables' statistic match, so rules in a row balance connections (issue 20, gap 3). Fails before: unknown key. */
class DnatProbabilityTest {
    private static String lab(String probability) {
        return """
                name: lb
                switches: {sw: {subnet: 10.0.0.0/24}}
                nodes:
                  lb:
                    rules:
                      - dnat: {destination: 10.0.0.1, protocol: tcp, port: 80, probability: %s, to: "web1:80"}
                      - dnat: {destination: 10.0.0.1, protocol: tcp, port: 80, to: "web2:80"}
                  web1: {}
                  web2: {}
                links: [[lb:eth0, sw], [web1:eth0, sw], [web2:eth0, sw]]
                """.formatted(probability);
    }

    @Test
    void aProbabilityBecomesARandomStatisticMatch() {
        LoadedLab l = LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab("0.5"), "t.yaml", "/t.yaml", Optional.empty());
        ModelNode lb = l.model().nodes().get("lb");
        Rule r = NodeRules.of(l.topology().nodes().get("lb")).get(0);
        assertThat(r.render(lb, l.model()).matches()).containsSubsequence("-m", "statistic", "--mode", "random", "--probability", "0.5");
        assertThat(NodeRules.of(l.topology().nodes().get("lb")).get(1).render(lb, l.model()).matches()).doesNotContain("statistic");
    }

    @Test
    void aProbabilityOutsideZeroToOneOrNotANumberIsRefused() {
        for (String bad : new String[] {"0", "1.5", "abc", "\"0.5 -j ACCEPT\"", "-0.5"}) {
            assertThatThrownBy(() -> LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab(bad), "t.yaml", "/t.yaml", Optional.empty()))
                    .as(bad).isInstanceOf(InvalidTopologyException.class).hasMessageContaining("'probability'");
        }
    }
}

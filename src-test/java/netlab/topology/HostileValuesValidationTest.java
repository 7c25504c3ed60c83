package netlab.topology;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Values that would reach another program otherwise than written are refused where they are written: a sysctl
 * value with control characters, a container label whose name the Docker CLI would split differently.
 */
class HostileValuesValidationTest {

    @Test
    void aSysctlValueIsPrintableText() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1:
                    sysctls:
                      net.ipv4.conf.all.rp_filter: "1\\r2"
                      net.ipv4.conf.default.rp_filter: "1\\u001b[2J"
                      net.ipv4.ip_local_port_range: "32768\\t60999"
                      net.ipv4.conf.lo.rp_filter: "1 && touch pwned; true"
                """)).containsExactly(
                "5:36: sysctl value '1\\r2' for net.ipv4.conf.all.rp_filter is not a plain value",
                "6:40: sysctl value '1\\u001B[2J' for net.ipv4.conf.default.rp_filter is not a plain value");
    }

    @Test
    void aContainerLabelNameHasNoEqualsSign() {
        assertThat(errors("""
                name: lab
                nodes:
                  web:
                    kind: container
                    labels: {"a=b": c, ok: "x=y"}
                  p:
                    kind: pod
                    labels: {"team=x": y}
                    containers: {app: {}}
                """)).containsExactly(
                "5:21: label 'a=b' of node 'web': a label name is not empty and has no '='",
                "8:24: label 'team=x' of pod 'p': a label name is not empty and has no '='");
    }
}

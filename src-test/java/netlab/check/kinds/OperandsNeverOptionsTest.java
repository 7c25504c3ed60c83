package netlab.check.kinds;

import static netlab.testing.Topologies.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check's text from the topology (a capture filter, a URL) reaches tcpdump or curl as an operand, never as an
 * option: refused at validation when it starts with '-', and placed after {@code --} on the command line anyway.
 */
class OperandsNeverOptionsTest {

    @Test
    void aCaptureFilterThatStartsWithADashIsRefusedWhereItIsWritten() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {interfaces: {eth1: {addresses: [10.0.0.1/24]}}}
                  h2: {interfaces: {eth1: {addresses: [10.0.0.2/24]}}}
                links:
                  - [h1:eth1, h2:eth1]
                checks:
                  - capture: {on: h2:eth1, filter: "-w/etc/shadow", during: {ping: {from: h1, to: h2}}}
                  - capture: {on: h2:eth1, filter: "  --relinquish-privileges=root icmp"}
                """)).containsExactly(
                "8:36: capture filter '-w/etc/shadow' starts with '-', which tcpdump would read as an option; write a filter"
                        + " expression, such as 'icmp' or 'ether src ${h1:eth1.mac}'",
                "9:36: capture filter '  --relinquish-privileges=root icmp' starts with '-', which tcpdump would read as an"
                        + " option; write a filter expression, such as 'icmp' or 'ether src ${h1:eth1.mac}'");
    }

    @Test
    void aFilterWithADashInsideIsAnOrdinaryExpression() {
        assertThat(errors("""
                name: lab
                nodes:
                  h1: {interfaces: {eth1: {addresses: [10.0.0.1/24]}}}
                  h2: {interfaces: {eth1: {addresses: [10.0.0.2/24]}}}
                links:
                  - [h1:eth1, h2:eth1]
                checks:
                  - capture: {on: h2:eth1, filter: "icmp and not ether src ${h1:eth1.mac}"}
                """)).isEmpty();
    }

    @Test
    void tcpdumpGetsTheFilterAfterDoubleDash() {
        List<String> argv = CaptureCheck.argv("eth1", "-w/etc/shadow");
        assertThat(argv).containsSubsequence("tcpdump", "-i", "eth1");
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly("--", "-w/etc/shadow");
        assertThat(CaptureCheck.argv("eth1", "")).doesNotContain("--");
    }

    @Test
    void theSpreadChecksCurlGetsTheUrlAfterDoubleDashAndDoesNotGlobIt() {
        List<String> spread = SpreadCheck.argv("http://10.0.0.1/[1-1000]", 3);
        assertThat(spread).contains("--globoff");
        int dd = spread.indexOf("--");
        assertThat(spread.subList(dd + 1, spread.size())).containsExactly("http://10.0.0.1/[1-1000]", "http://10.0.0.1/[1-1000]",
                "http://10.0.0.1/[1-1000]");
    }
}

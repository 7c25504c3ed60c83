package netlab.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import netlab.lab.LabLoader;
import netlab.plan.Service;
import netlab.source.InvalidTopologyException;
import org.junit.jupiter.api.Test;

/**
 * The dns service (issue 20, gap 2): its records become dnsmasq arguments, one each, with nothing read from the
 * host (no configuration file, /etc/hosts or upstream servers); names and addresses are checked. Fails before:
 * 'dns' was an unknown service kind.
 */
class DnsServiceTest {
    private static String lab(String records) {
        return "name: d\nnodes:\n  ns:\n    services:\n      - dns: {records: " + records + "}\n";
    }

    @Test
    void eachRecordIsOneArgumentAndNothingOfTheHostIsRead() {
        var l = LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab("{web.lab: 10.0.0.80, w6.lab: \"2001:db8:0::80\"}"), "t.yaml", "/t.yaml", Optional.empty());
        Service s = NodeServices.of(l.topology().nodes().get("ns")).get(0);
        assertThat(s.port()).isEqualTo(53);
        assertThat(s.command(Path.of("/w/s"))).containsExactly("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null", "--no-hosts", "--no-resolv",
                "--no-poll", "--pid-file=/w/s/dnsmasq.pid", "--log-facility=-", "--port=53", "--local=/web.lab/", "--host-record=web.lab,10.0.0.80",
                "--local=/w6.lab/", "--host-record=w6.lab,2001:db8::80");
    }

    @Test
    void namesThatAreNotHostNamesAndValuesThatAreNotAddressesAreRefused() {
        assertThatThrownBy(() -> LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab("{\"a,b\": 10.0.0.1, \"-x\": 10.0.0.2, ok.lab: \"10.0.0.1 --x\"}"),
                "t.yaml", "/t.yaml", Optional.empty()))
                .isInstanceOf(InvalidTopologyException.class)
                .satisfies(e -> assertThat(((InvalidTopologyException) e).diagnostics()).hasSize(3))
                .hasMessageContaining("a host name is letters, digits and '-' joined by '.'")
                .hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> LabLoader.fromText(netlab.app.BuiltIn.catalog(), "name: d\nnodes:\n  ns:\n    services: [dns]\n",
                "t.yaml", "/t.yaml", Optional.empty())).hasMessageContaining("needs 'records'");
    }
}

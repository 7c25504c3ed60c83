package netlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.app.BuiltIn;
import netlab.doctor.Feature;
import netlab.testing.Topologies;
import org.junit.jupiter.api.Test;

/**
 * A lab asks the machine for iptables, busybox and curl exactly when it uses rules, services, or http checks that
 * curl makes (https, a host name); tcp checks and http to an address are made from inside netlab.
 */
class FeaturesTest {
    @Test
    void rulesServicesAndHttpChecksNeedTheirTools() {
        var lab = Topologies.load("""
                name: f
                nodes:
                  a:
                    interfaces: {eth1: 10.0.0.1/24}
                    rules: [{drop: {protocol: icmp}}]
                  b:
                    interfaces: {eth1: 10.0.0.2/24}
                    services: [http]
                links: [[a:eth1, b:eth1]]
                checks:
                  - http: {from: a, url: "http://${b}/"}
                  - http: {from: a, url: "https://${b}/"}
                """);
        assertThat(LabUp.features(lab.model(), BuiltIn.catalog())).contains(Feature.NAT, Feature.BUSYBOX, Feature.CURL);
    }

    @Test
    void aPlainLabNeedsNoneOfThem() {
        var lab = Topologies.load("""
                name: f
                nodes: {a: {interfaces: {eth1: 10.0.0.1/24}}, b: {interfaces: {eth1: 10.0.0.2/24}}}
                links: [[a:eth1, b:eth1]]
                checks:
                  - tcp: {from: a, to: b, port: 22, state: closed}
                  - http: {from: a, url: "http://${b}:8080/"}
                """);
        assertThat(LabUp.features(lab.model(), BuiltIn.catalog())).doesNotContain(Feature.NAT, Feature.BUSYBOX, Feature.CURL);
    }
}

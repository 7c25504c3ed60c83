package netlab.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import netlab.lab.LabLoader;
import netlab.plan.Service;
import netlab.plan.ServiceFile;
import netlab.source.InvalidTopologyException;
import org.junit.jupiter.api.Test;

/** The http service's pages: a lab's own web site in its document root (issue 20, gap 1). Fails before: 'pages' was unknown. */
class HttpPagesTest {
    private static String lab(String pages) {
        return "name: web\nnodes:\n  web:\n    services:\n      - http: {pages: " + pages + "}\n";
    }

    @Test
    void pagesAreWrittenUnderTheDocumentRootBesideNetlabsScript() {
        var l = LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab("{index.html: \"<h1>shop</h1>\", img/a.svg: \"<svg/>\"}"), "t.yaml", "/t.yaml", Optional.empty());
        Service s = netlab.services.NodeServices.of(l.topology().nodes().get("web")).get(0);
        assertThat(s.files("web")).extracting(ServiceFile::path).containsExactly("www/cgi-bin/index.cgi", "www/index.html", "www/img/a.svg");
        assertThat(s.files("web").get(1).content()).isEqualTo("<h1>shop</h1>");
        assertThat(s.files("web").get(1).executable()).isFalse();
    }

    @Test
    void aPagePathOutsideTheRootOrOnNetlabsCgiBinIsRefused() {
        assertThatThrownBy(() -> LabLoader.fromText(netlab.app.BuiltIn.catalog(), lab("{../x: a, /etc/y: b, cgi-bin/index.cgi: c, \"a b\": d}"), "t.yaml", "/t.yaml", Optional.empty()))
                .isInstanceOf(InvalidTopologyException.class)
                .satisfies(e -> assertThat(((InvalidTopologyException) e).diagnostics()).hasSize(4))
                .hasMessageContaining("cgi-bin is netlab's own");
    }
}

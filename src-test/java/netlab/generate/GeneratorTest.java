package netlab.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import org.junit.jupiter.api.Test;

/** Every shape makes a lab netlab takes, of the size its numbers say, with checks; bad numbers are refused. */
class GeneratorTest {
    private static Generator.Request req(String shape, Integer size, Integer hosts, Integer k, String routing) {
        return new Generator.Request(shape, Optional.ofNullable(size), Optional.ofNullable(hosts), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(k),
                Optional.ofNullable(routing).map(Routing::of), Optional.empty());
    }

    private static LoadedLab load(Generator.Request r) {
        return LabLoader.fromText(BuiltIn.catalog(), Generator.yaml(r, "test"), "gen.yaml", "/gen.yaml", Optional.empty(), Budget.LARGE);
    }

    @Test
    void everyShapeWithEveryRoutingValidatesWithItsChecks() {
        for (String shape : Generator.SHAPES) {
            for (String routing : shape.equals("star") || shape.equals("linear") ? new String[] {null} : new String[] {null, "static", "ospf", "bgp"}) {
                LoadedLab lab = load(req(shape, null, null, null, routing));
                assertThat(netlab.check.CheckSpec.of(lab.topology())).as(shape + " " + routing).isNotEmpty();
            }
        }
    }

    @Test
    void aFatTreeOfKFourHasTwentyRoutersAndSixteenHosts() {
        LoadedLab lab = load(req("fat-tree", null, null, 4, null));
        assertThat(lab.model().nodes().keySet().stream().filter(n -> n.startsWith("h")).count()).isEqualTo(16);
        assertThat(lab.model().nodes().size()).isEqualTo(36);
    }

    @Test
    void aLeafOfAClosHasOneDefaultRouteAndASpineARoutePerLeaf() {
        LoadedLab lab = load(req("clos", null, null, null, "static"));
        assertThat(lab.topology().nodes().get("leaf1").routes()).hasSize(1);
        assertThat(lab.topology().nodes().get("spine1").routes()).hasSize(1 + 3); // default, and three of the four leaves' LANs
    }

    @Test
    void numbersThatMakeNoSuchLabAreRefused() {
        assertThatThrownBy(() -> Generator.yaml(req("fat-tree", null, null, 5, null), "t")).hasMessageContaining("-k of a fat tree is even");
        assertThatThrownBy(() -> Generator.yaml(req("ring", 1, null, null, null), "t")).hasMessageContaining("--size is 2 to");
        assertThatThrownBy(() -> Generator.yaml(req("star", null, null, null, "ospf"), "t")).hasMessageContaining("layer-2 shape");
        assertThatThrownBy(() -> Generator.yaml(req("rign", null, null, null, null), "t")).hasMessageContaining("did you mean 'ring'");
        assertThatThrownBy(() -> Routing.of("rip")).hasMessageContaining("static, ospf or bgp");
        Generator.Request hostile = new Generator.Request("star", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("x\nnodes: {evil: {exec: [reboot]}}"));
        assertThatThrownBy(() -> Generator.yaml(hostile, "t")).hasMessageStartingWith("--name: ");
    }
}

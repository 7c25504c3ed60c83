package netlab.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.model.LabModel;
import netlab.model.ModelInterface;
import netlab.model.ModelNode;
import netlab.net.Cidr;
import netlab.source.Pos;
import netlab.testing.Topologies;
import netlab.topology.InterfaceSpec;
import netlab.topology.InterfaceTypeSpec;
import netlab.topology.NodeKindSpec;
import netlab.topology.NodeSpec;
import org.junit.jupiter.api.Test;

/**
 * Kinds and interface types that other parts of netlab add (tunnels, pods, containers) are drawn from their
 * settings records alone: these stand-ins prove the renderer needs no edits for them.
 */
class GraphBuilderTest {
    record Vxlan(int vni, String remote, Pos pos) implements InterfaceTypeSpec {
        public String type() {
            return "vxlan";
        }
    }

    record Gre(String remote) implements InterfaceTypeSpec {
        public String type() {
            return "gre";
        }
    }

    record Member(String image, java.util.List<String> command) {}

    record Pod(String cluster, java.util.Map<String, Member> containers, java.util.Map<String, String> labels) implements NodeKindSpec {
        public String kind() {
            return "pod";
        }
    }

    record Gizmo(String colour) implements NodeKindSpec {
        public String kind() {
            return "gizmo";
        }
    }

    static final String TOPOLOGY = """
            name: shapes
            description: everything a picture must show
            switches:
              lan: {subnet: 10.0.1.0/24}
            nodes:
              r1: {forwarding: true}
              r2: {forwarding: true}
              r3: {forwarding: true}
              k1: {}
              p1: {}
              g1: {}
            links:
              - {endpoints: [r1:eth1, r2:eth1], subnet: 10.0.9.0/30}
              - {endpoints: [r2:eth2, r3:eth1], subnet: 10.0.9.4/30}
              - [k1:eth1, lan]
              - [r3:eth2, lan]
              - [g1:eth1, lan]
            """;

    private static LabModel model() {
        LabModel m = Topologies.load(TOPOLOGY).model();
        Map<String, ModelNode> nodes = new LinkedHashMap<>(m.nodes());
        add(nodes, "r1", "vx0", new Vxlan(42, "10.0.9.2", Pos.unknown("t")));
        add(nodes, "r2", "vx0", new Vxlan(42, "10.0.9.1", Pos.unknown("t")));
        for (String r : List.of("r1", "r2", "r3")) add(nodes, r, "vx7", new Vxlan(7, "239.1.1.7", Pos.unknown("t")));
        add(nodes, "r1", "gre1", new Gre("10.0.9.6"));
        add(nodes, "r3", "gre1", new Gre("10.0.9.1"));
        add(nodes, "r2", "gre9", new Gre("198.51.100.9"));
        nodes.put("p1", rekind(nodes.get("p1"), "pod", new Pod("k1", new java.util.LinkedHashMap<>(java.util.Map.of("server", new Member("netlab/busybox:1", List.of("httpd")))),
                java.util.Map.of("app", "web"))));
        nodes.put("g1", rekind(nodes.get("g1"), "gizmo", new Gizmo("teal")));
        return new LabModel(m.topology(), nodes, m.switches(), m.links(), m.segments());
    }

    private static void add(Map<String, ModelNode> nodes, String node, String name, InterfaceTypeSpec type) {
        ModelNode n = nodes.get(node);
        Map<String, ModelInterface> ifs = new LinkedHashMap<>(n.interfaces());
        InterfaceSpec spec = new InterfaceSpec(name, type, List.of(), false, Optional.empty(), OptionalInt.empty(), Pos.unknown("t"));
        ifs.put(name, new ModelInterface(node, name, spec, List.of(Cidr.parse("10.99." + ifs.size() + ".1/24").orElseThrow()), Optional.empty(), Optional.empty()));
        nodes.put(node, new ModelNode(n.spec(), ifs, n.routes()));
    }

    private static ModelNode rekind(ModelNode n, String kind, NodeKindSpec spec) {
        NodeSpec s = n.spec();
        return new ModelNode(new NodeSpec(s.name(), kind, spec, s.interfaces(), s.routes(), s.forwarding(), s.sysctls(), s.exec(), s.pos()),
                n.interfaces(), n.routes());
    }

    @Test
    void pointToPointLinksCarryTheirSubnetAndReadLeftToRight() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        assertThat(dot).contains("\"r1\":\"eth1\":e -- \"r2\":\"eth1\":w [label=\"10.0.9.0/30\"];")
                .contains("\"r2\":\"eth2\":e -- \"r3\":\"eth1\":w [label=\"10.0.9.4/30\"];");
    }

    @Test
    void twoTunnelEndsWithOneVniAreOneDashedLine() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        assertThat(dot).contains("\"r1\":\"vx0\" -- \"r2\":\"vx0\" [style=dashed, constraint=false, color=\"#c0392b\", fontcolor=\"#c0392b\", penwidth=1.6, label=\"VXLAN VNI 42\"];");
        assertThat(dot).contains("vx0</font>  <font point-size=\"9\">10.99.1.1/24 vxlan vni=42 remote=10.0.9.2</font>");
    }

    @Test
    void threeEndsMeetAtAnOverlaySegment() {
        LabGraph g = GraphBuilder.build(model());
        assertThat(g.hubs()).anySatisfy(h -> {
            assertThat(h.title()).isEqualTo("VXLAN VNI 7");
            assertThat(h.role()).isEqualTo("overlay");
        });
        String dot = DotRenderer.render(g);
        for (String r : List.of("r1", "r2", "r3")) assertThat(dot).contains("\"" + r + "\":\"vx7\" -- \"overlay vxlan vni 7\" [style=dashed");
    }

    @Test
    void tunnelsWithoutAnIdPairByTheirRemoteAddresses() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        assertThat(dot).contains("\"r1\":\"gre1\" -- \"r3\":\"gre1\" [style=dashed").contains("label=\"GRE\"");
        // a remote outside the lab gets a point of its own
        assertThat(dot).contains("\"r2\":\"gre9\" -- \"remote 198.51.100.9\"").contains("<b>remote 198.51.100.9</b>");
    }

    @Test
    void podsAreDrawnInsideTheirClusterNode() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        int cluster = dot.indexOf("subgraph \"cluster_k1\"");
        assertThat(cluster).isPositive();
        int end = dot.indexOf("\n  }\n", cluster);
        assertThat(dot.substring(cluster, end)).contains("\"k1\" [shape=").contains("\"p1\" [shape=component");
        assertThat(MermaidRenderer.render(GraphBuilder.build(model()))).contains("subgraph n_k1__group [\"k1 and what runs in it\"]");
    }

    @Test
    void aPodListsItsContainersWithTheirImages() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        assertThat(dot).contains("<td port=\"member:server\" align=\"left\">container server  <font point-size=\"9\">netlab/busybox:1</font></td>");
        assertThat(dot).doesNotContain("label app"); // a map of plain values (labels) is not a list of members
    }

    @Test
    void aKindTheRendererDoesNotKnowStillShowsWithItsKind() {
        String dot = DotRenderer.render(GraphBuilder.build(model()));
        assertThat(dot).contains("\"g1\" [shape=box, style=\"dashed\"").contains("<b>g1</b> <font point-size=\"8\">gizmo</font>");
        assertThat(dot).contains("<b>r1</b> <font point-size=\"8\">router</font>");
    }
}

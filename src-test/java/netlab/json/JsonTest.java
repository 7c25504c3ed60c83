package netlab.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import netlab.state.LabState;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsIproute2Output() {
        var rows = Json.rows("[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\"],\"mtu\":65536,\"ifalias\":\"a \\\"b\\\" \\u00e9\"}]");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("ifname", "lo").containsEntry("mtu", 65536L).containsEntry("ifalias", "a \"b\" é");
            assertThat(r.get("flags")).isEqualTo(List.of("LOOPBACK", "UP"));
        });
        assertThat(Json.rows("not json")).isEmpty();
        assertThat(Json.rows("")).isEmpty();
    }

    @Test
    void rejectsMalformedWithOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2}")).hasMessageContaining("offset 11");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("after the value");
    }

    record Point(String name, int x, List<String> tags) {}

    @Test
    void writesRecordsMapsAndEscapes() {
        String s = Json.write(Map.of("p", new Point("a\nb", 3, List.of("t"))));
        assertThat(Json.parse(s)).isEqualTo(Map.of("p", Map.of("name", "a\nb", "x", 3L, "tags", List.of("t"))));
    }

    @Test
    void labStateRoundTrips() {
        LabState s = LabState.fresh("lab1", "abcd", "/t.yaml").plus(List.of("netlab.lab1", "netlab.lab1.h1"), List.of("c1"))
                .withProcesses(List.of(new LabState.ProcessRecord(42, 1234, "h1", "http"))).withDone(java.util.Set.of("exec:h1:0"));
        assertThat(LabState.fromJson(Json.parse(Json.write(s)))).isEqualTo(s);
    }
}

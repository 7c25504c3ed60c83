package netlab.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    @Test
    void suggestsCloseWords() {
        assertThat(Suggest.closest("swiches", List.of("switches", "nodes", "links"))).contains("switches");
        assertThat(Suggest.closest("ndoes", List.of("switches", "nodes", "links"))).contains("nodes");
        assertThat(Suggest.closest("h3", List.of("h1", "h2"))).contains("h1");
    }

    @Test
    void doesNotSuggestFarWords() {
        assertThat(Suggest.closest("description2000", List.of("nodes", "links"))).isEmpty();
        assertThat(Suggest.hint("zzz", List.of("nodes"))).isEmpty();
    }
}

package netlab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SecondsTest {
    @Test
    void roundsHalfUpToTheGivenDecimals() {
        assertThat(Seconds.ofNanos(370_000_000L, 2)).isEqualTo("0.37");
        assertThat(Seconds.ofNanos(374_999_999L, 2)).isEqualTo("0.37");
        assertThat(Seconds.ofNanos(375_000_000L, 2)).isEqualTo("0.38");
        assertThat(Seconds.ofNanos(5_000_000L, 2)).isEqualTo("0.01");
        assertThat(Seconds.ofNanos(4_999_999L, 2)).isEqualTo("0.00");
        assertThat(Seconds.ofNanos(1_950_000_000L, 1)).isEqualTo("2.0");
        assertThat(Seconds.ofNanos(61_049_000_000L, 1)).isEqualTo("61.0");
        assertThat(Seconds.ofNanos(1_500_000_000L, 0)).isEqualTo("2");
        assertThat(Seconds.of(Duration.ofMillis(1234), 3)).isEqualTo("1.234");
        assertThat(Seconds.ofNanos(-5, 2)).isEqualTo("0.00");
    }

    @Test
    void agreesWithFormatterInARootLocale() {
        for (long ms = 0; ms < 5000; ms += 7) {
            assertThat(Seconds.ofNanos(ms * 1_000_000L, 3)).isEqualTo(String.format(Locale.ROOT, "%.3f", ms / 1000.0));
        }
    }
}

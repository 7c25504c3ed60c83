package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netlab.errors.NetlabException;
import netlab.topology.Impairment;
import org.junit.jupiter.api.Test;

/** The settings of {@code netlab link set}: the same words and the same checks as in a topology. */
class LinkSetWordsTest {
    @Test
    void settingsAreKeyValuePairs() {
        Impairment i = LinkSetCommand.settings(List.of("delay", "100ms", "jitter", "5ms", "loss", "1%", "rate", "10mbit"));
        assertThat(i.describe()).isEqualTo("delay 100ms jitter 5ms loss 1% rate 10mbit");
    }

    @Test
    void mistakesAreUsageErrorsWithOneClearLine() {
        assertThatThrownBy(() -> LinkSetCommand.settings(List.of("dealy", "5ms"))).isInstanceOf(NetlabException.class)
                .hasMessage("unknown setting 'dealy' (did you mean 'delay'?); settings: delay, jitter, loss, rate");
        assertThatThrownBy(() -> LinkSetCommand.settings(List.of("delay"))).hasMessage("'delay' needs a value, like delay 100ms");
        assertThatThrownBy(() -> LinkSetCommand.settings(List.of("loss", "1%", "loss", "2%"))).hasMessage("'loss' is given twice");
        assertThatThrownBy(() -> LinkSetCommand.settings(List.of("delay", "100"))).hasMessage("delay '100' of the link needs a unit (write e.g. 100ms)");
        assertThatThrownBy(() -> LinkSetCommand.settings(List.of())).hasMessageStartingWith("give at least one setting");
        assertThatCode(() -> LinkSetCommand.settings(List.of("delay", "1ms"))).doesNotThrowAnyException();
    }
}

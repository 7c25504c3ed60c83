package netlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules in the form iptables-save prints them back (what the kernel's copy is compared in). */
class SaveFormTest {
    /** The rule's words, as a rule set holds them. */
    private static String saveForm(String rule) {
        return SaveForm.of(List.of(rule.split(" ")));
    }

    @Test
    void aStatisticProbabilityComesBackAsThe31BitFractionIptablesStores() {
        assertThat(saveForm("-m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-1"))
                .isEqualTo("-m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-1");
        assertThat(saveForm("-m statistic --mode random --probability 0.5000000000 -j X")).isEqualTo("-m statistic --mode random --probability 0.50000000000 -j X");
    }

    @Test
    void markShorthandsComeBackAsValueAndMask() {
        assertThat(saveForm("-j MARK --xor-mark 0x4000")).isEqualTo("-j MARK --set-xmark 0x4000/0x0");
        assertThat(saveForm("-j MARK --or-mark 0x10")).isEqualTo("-j MARK --set-xmark 0x10/0x10");
        assertThat(saveForm("-j MARK --and-mark 0xffff0000")).isEqualTo("-j MARK --set-xmark 0x0/0xffff");
        assertThat(saveForm("-j MARK --set-mark 7")).isEqualTo("-j MARK --set-xmark 0x7/0xffffffff");
        assertThat(saveForm("-j MARK --set-xmark 0x4000/0x4000")).isEqualTo("-j MARK --set-xmark 0x4000/0x4000");
    }

    @Test
    void everythingElseIsAlreadyInItsForm() {
        String r = "-s 192.168.1.3/32 -o eth2 -p tcp -m tcp --dport 80 -j DROP";
        assertThat(saveForm(r)).isEqualTo(r);
    }
}

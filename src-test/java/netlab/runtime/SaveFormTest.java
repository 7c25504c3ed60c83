package netlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules in the form iptables-save prints them back (what the kernel's copy is compared in). */
class SaveFormTest {
    @Test
    void aStatisticProbabilityComesBackAsThe31BitFractionIptablesStores() {
        assertThat(SaveForm.of("-m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-1"))
                .isEqualTo("-m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-1");
        assertThat(SaveForm.of("-m statistic --mode random --probability 0.5000000000 -j X")).isEqualTo("-m statistic --mode random --probability 0.50000000000 -j X");
    }

    @Test
    void markShorthandsComeBackAsValueAndMask() {
        assertThat(SaveForm.of("-j MARK --xor-mark 0x4000")).isEqualTo("-j MARK --set-xmark 0x4000/0x0");
        assertThat(SaveForm.of("-j MARK --or-mark 0x10")).isEqualTo("-j MARK --set-xmark 0x10/0x10");
        assertThat(SaveForm.of("-j MARK --and-mark 0xffff0000")).isEqualTo("-j MARK --set-xmark 0x0/0xffff");
        assertThat(SaveForm.of("-j MARK --set-mark 7")).isEqualTo("-j MARK --set-xmark 0x7/0xffffffff");
        assertThat(SaveForm.of("-j MARK --set-xmark 0x4000/0x4000")).isEqualTo("-j MARK --set-xmark 0x4000/0x4000");
    }

    @Test
    void everythingElseIsAlreadyInItsForm() {
        String r = "-s 192.168.1.3/32 -o eth2 -p tcp -m tcp --dport 80 -j DROP";
        assertThat(SaveForm.of("  " + r.replace(" ", "  "))).isEqualTo(r);
    }
}

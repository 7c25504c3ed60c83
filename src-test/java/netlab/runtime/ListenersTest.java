package netlab.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenersTest {
    @Test
    void readsListeningPortsFromTheKernelsSocketTables() {
        String tcp = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000:1B58 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123 1 0000000000000000 100 0 0 10 0
                   1: 5000710A:0050 0200A8C0:A2B4 01 00000000:00000000 00:00000000 00000000     0        0 0 1 0000000000000000 20 4 30 10 -1
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 456 1 0000000000000000 100 0 0 10 0
                """;
        // 0x1B58 = 7000 and 0x50 = 80 listen (state 0A); the established connection from port 0xA2B4 does not count
        assertThat(Listeners.parse(tcp)).containsExactly(80, 7000);
        assertThat(Listeners.parse("")).isEmpty();
    }
}

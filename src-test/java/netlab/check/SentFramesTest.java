package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.json.Json;
import org.junit.jupiter.api.Test;

class SentFramesTest {
    @Test
    void countsTransmittedFramesOfEveryInterfaceButLoopback() {
        var rows = Json.rows("""
                [{"ifname":"lo","stats64":{"rx":{"packets":90},"tx":{"packets":90}}},
                 {"ifname":"eth1","stats64":{"rx":{"packets":7},"tx":{"packets":12}}},
                 {"ifname":"eth2","stats64":{"rx":{"packets":1},"tx":{"packets":3}}}]""");
        assertThat(SentFrames.total(rows)).isEqualTo(15);
    }

    @Test
    void aLinkWithoutCountersCountsNothing() {
        assertThat(SentFrames.total(Json.rows("[{\"ifname\":\"eth1\"}]"))).isZero();
        assertThat(SentFrames.total(Json.rows("[]"))).isZero();
    }
}

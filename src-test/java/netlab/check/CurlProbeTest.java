package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.check.CurlProbe.Connection;
import org.junit.jupiter.api.Test;

/** How curl's verbose lines are read: open, refused, unreachable, silent (the difference a tcp check reports). */
class CurlProbeTest {
    @Test
    void connectedWithStatus() {
        CurlProbe.Result r = CurlProbe.judge(0, "netlab http server on web\nclient 203.0.113.1 port 40512\n", """
                *   Trying 203.0.113.80:80...
                * Connected to 203.0.113.80 (203.0.113.80) port 80 (#0)
                > GET / HTTP/1.1
                < HTTP/1.1 200 OK
                netlab-http-status: 200
                """, false);
        assertThat(r.connection()).isEqualTo(Connection.CONNECTED);
        assertThat(r.completed()).isTrue();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("client 203.0.113.1 port 40512");
    }

    @Test
    void refusedIsAResetOrPortUnreachable() {
        CurlProbe.Result r = CurlProbe.judge(7, "", """
                *   Trying 10.9.0.2:81...
                * connect to 10.9.0.2 port 81 failed: Connection refused
                * Failed to connect to 10.9.0.2 port 81 after 0 ms: Couldn't connect to server
                curl: (7) Failed to connect to 10.9.0.2 port 81 after 0 ms: Couldn't connect to server
                """, false);
        assertThat(r.connection()).isEqualTo(Connection.REFUSED);
        assertThat(r.reason()).isEqualTo("Connection refused");
    }

    @Test
    void otherIcmpErrorsAndMissingRoutesAreUnreachable() {
        assertThat(CurlProbe.judge(7, "", "* connect to 10.9.0.2 port 85 failed: No route to host\n", false).connection())
                .isEqualTo(Connection.UNREACHABLE);
        CurlProbe.Result r = CurlProbe.judge(7, "", """
                *   Trying 192.168.1.4:80...
                * Immediate connect fail for 192.168.1.4: Network is unreachable
                * Failed to connect to 192.168.1.4 port 80 after 0 ms: Couldn't connect to server
                """, false);
        assertThat(r.connection()).isEqualTo(Connection.UNREACHABLE);
        assertThat(r.reason()).isEqualTo("Network is unreachable");
    }

    @Test
    void silenceIsATimeout() {
        assertThat(CurlProbe.judge(28, "", """
                *   Trying 10.9.0.2:82...
                * ipv4 connect timeout after 1000ms, move on!
                * Failed to connect to 10.9.0.2 port 82 after 1001 ms: Timeout was reached
                curl: (28) Failed to connect to 10.9.0.2 port 82 after 1001 ms: Timeout was reached
                """, false).connection()).isEqualTo(Connection.TIMEOUT);
        assertThat(CurlProbe.judge(-1, "", "", true).connection()).isEqualTo(Connection.TIMEOUT);
    }

    @Test
    void connectedButCutOffIsNotComplete() {
        CurlProbe.Result r = CurlProbe.judge(52, "", """
                * Connected to 10.9.0.2 (10.9.0.2) port 80 (#0)
                curl: (52) Empty reply from server
                """, false);
        assertThat(r.connection()).isEqualTo(Connection.CONNECTED);
        assertThat(r.completed()).isFalse();
        assertThat(r.reason()).isEqualTo("Empty reply from server");
    }

    @Test
    void theUrlComesAfterDoubleDashAndIsNotGlobbed() {
        java.util.List<String> argv = CurlProbe.httpArgv("http://10.0.0.1/{a,b}[1-1000]", java.time.Duration.ofSeconds(2));
        assertThat(argv).contains("--globoff");
        assertThat(argv.subList(0, 2)).as("-q first: no .curlrc is read").containsExactly("curl", "-q");
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly("--", "http://10.0.0.1/{a,b}[1-1000]");
    }
}

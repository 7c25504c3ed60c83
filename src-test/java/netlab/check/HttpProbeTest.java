package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import netlab.check.CurlProbe.Connection;
import netlab.check.CurlProbe.Result;
import org.junit.jupiter.api.Test;

/** The HTTP GET netlab makes itself: which URLs it takes, the request it sends, how an answer is judged whole. */
class HttpProbeTest {
    private static Optional<HttpAnswer> read(String s, boolean ended) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return HttpAnswer.read(b, b.length, ended);
    }

    @Test
    void onlyHttpToAnAddressIsFetchedInProcess() {
        HttpTarget t = HttpTarget.of("http://203.0.113.1:8080/a/b?x=1#frag").orElseThrow();
        assertThat(t.address().toString()).isEqualTo("203.0.113.1");
        assertThat(t.port()).isEqualTo(8080);
        assertThat(new String(t.request(), StandardCharsets.UTF_8))
                .startsWith("GET /a/b?x=1 HTTP/1.1\r\nHost: 203.0.113.1:8080\r\n").endsWith("Connection: close\r\n\r\n");
        assertThat(HttpTarget.of("http://[fd00::2]/").orElseThrow().address().isV6()).isTrue();
        assertThat(HttpTarget.of("http://10.0.0.1").orElseThrow().requestTarget()).isEqualTo("/");
        for (String curl : new String[] {"https://10.0.0.1/", "http://web/", "http://u:p@10.0.0.1/", "http://10.0.0.1/a b",
                "http://10.0.0.1/\r\nX-Injected: 1", "ftp://10.0.0.1/"}) {
            assertThat(HttpTarget.of(curl)).as(curl).isEmpty();
        }
        assertThat(HttpTarget.needsCurl("http://${web}:8080/")).isFalse();
        assertThat(HttpTarget.needsCurl("https://${web}/")).isTrue();
        assertThat(HttpTarget.needsCurl("http://web.example/")).isTrue();
    }

    @Test
    void anAnswerIsWholeByItsLengthItsChunksOrItsEnd() {
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", false)).isEmpty();
        HttpAnswer byLength = read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false).orElseThrow();
        assertThat(byLength.complete()).isTrue();
        assertThat(byLength.status()).isEqualTo(200);
        assertThat(byLength.body()).isEqualTo("hello");
        HttpAnswer cut = read("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel", true).orElseThrow();
        assertThat(cut.complete()).isFalse();
        assertThat(cut.problem()).isEqualTo("the answer ended after 3 of 5 bytes");
        HttpAnswer chunked = read("HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n", false).orElseThrow();
        assertThat(chunked.complete()).isTrue();
        assertThat(chunked.status()).isEqualTo(404);
        assertThat(chunked.body()).isEqualTo("abcde");
        assertThat(read("HTTP/1.0 200 OK\r\n\r\nclient 10.0.0.1 port 4000\n", false)).as("no length: until the server closes").isEmpty();
        assertThat(read("HTTP/1.0 200 OK\r\n\r\nclient 10.0.0.1 port 4000\n", true).orElseThrow().body()).isEqualTo("client 10.0.0.1 port 4000\n");
        assertThat(read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", false).orElseThrow().status()).isEqualTo(204);
    }

    @Test
    void whatIsNoAnswerSaysSo() {
        assertThat(read("", true).orElseThrow().problem()).isEqualTo("Empty reply from server");
        assertThat(read("SSH-2.0-OpenSSH\r\n\r\n", true).orElseThrow().complete()).isFalse();
        assertThat(read("HTTP/1.1 200 OK\r\nContent-Le", true).orElseThrow().problem()).isEqualTo("the answer ended within its headers");
        HttpAnswer late = HttpAnswer.unfinished("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc".getBytes(StandardCharsets.UTF_8), 41, "no complete answer within 5000 ms");
        assertThat(late.complete()).isFalse();
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.problem()).isEqualTo("no complete answer within 5000 ms");
    }

    @Test
    void theKernelsAnswerToAConnectionIsCurlsClass() {
        assertThat(TcpProbe.failed(new ConnectException("Connection refused"), false).connection()).isEqualTo(Connection.REFUSED);
        Result noRoute = TcpProbe.failed(new NoRouteToHostException("No route to host"), false);
        assertThat(noRoute.connection()).isEqualTo(Connection.UNREACHABLE);
        assertThat(noRoute.sentNothing()).as("an ICMP error answered a SYN").isFalse();
        Result immediate = TcpProbe.failed(new SocketException("Network is unreachable"), true);
        assertThat(immediate.connection()).isEqualTo(Connection.UNREACHABLE);
        assertThat(immediate.sentNothing()).as("the kernel refused the route: no SYN left").isTrue();
        assertThat(TcpProbe.failed(new SocketException("Connection timed out"), false).connection()).isEqualTo(Connection.TIMEOUT);
        assertThat(TcpProbe.failed(new SocketException("Invalid argument"), true).connection()).as("as curl: it could not try").isEqualTo(Connection.ERROR);
        assertThat(TcpProbe.failed(new IOException("Permission denied"), true).connection()).isEqualTo(Connection.ERROR);
    }
}

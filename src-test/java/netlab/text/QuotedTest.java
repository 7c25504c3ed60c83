package netlab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuotedTest {
    @Test
    void whatCouldBreakOrDisguiseALineIsEscaped() {
        assertThat(Quoted.of("a\nb")).isEqualTo("\"a\\nb\"");
        assertThat(Quoted.of("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(Quoted.of("\r\t\u0007\u001b[2J")).isEqualTo("\"\\r\\t\\u0007\\u001B[2J\"");
        // line and paragraph separators, bidirectional overrides, zero-width and other invisible characters
        assertThat(Quoted.of("x\u2028\u2029\u202e\u2066\u200b\u00a0\ufeff\ue000")).isEqualTo(
                "\"x\\u2028\\u2029\\u202E\\u2066\\u200B\\u00A0\\uFEFF\\uE000\"");
        assertThat(Quoted.of("\udb40\udc01")).as("a tag character beyond the BMP").isEqualTo("\"\\U000E0001\"");
    }

    @Test
    void lettersOfEveryScriptStay() {
        assertThat(Quoted.of("héllo мир 世界 ✓")).isEqualTo("\"héllo мир 世界 ✓\"");
    }

    @Test
    void plainWordsNeedNoQuotes() {
        assertThat(Quoted.words(List.of("busybox", "httpd", "-p", "80", "-h", "/run/netlab/x", "a b", ""))).isEqualTo(
                "busybox httpd -p 80 -h /run/netlab/x \"a b\" \"\"");
    }
}

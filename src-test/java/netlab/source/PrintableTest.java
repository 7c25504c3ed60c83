package netlab.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlCharactersAreShownEscapedSoAMessageStaysOneLine() {
        assertThat(Printable.line("expected URI, but found \n(10)")).isEqualTo("expected URI, but found \\n(10)");
        assertThat(Printable.line("name 'a\tb\u001b[31m'")).isEqualTo("name 'a\\tb\\u001B[31m'");
    }

    @Test
    void aVeryLongWordIsShortenedAndItsLengthSaid() {
        String name = "x".repeat(5000);
        assertThat(Printable.line("lab name '" + name + "' is longer than 40 characters"))
                .isEqualTo("lab name '" + "x".repeat(59) + "…(5002 characters) is longer than 40 characters");
        assertThat(Printable.line("a normal message with a /path/of/some/length")).isEqualTo("a normal message with a /path/of/some/length");
    }

    @Test
    void diagnosticsStoreThePrintableMessage() {
        Diagnostics d = new Diagnostics();
        d.error(new Pos("f", 1, 1), "two\nlines");
        assertThat(d.all()).singleElement().hasToString("f:1:1: two\\nlines");
    }
}

package netlab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An Error escaping a command ends netlab with one line that names it and its root cause, never a stack trace. */
class ErrorLineTest {
    @Test
    void aNativeLibraryThatCannotLoadIsNamedByItsRootCause() {
        // what a jffi stub that cannot be written looked like in CI: an initializer failing on a link error
        Error e = new ExceptionInInitializerError(new UnsatisfiedLinkError("Unable to write jffi binary stub to `/tmp`.\nSet TMPDIR"));
        assertThat(Main.describeError(e)).isEqualTo("netlab: internal error: ExceptionInInitializerError: "
                + "java.lang.UnsatisfiedLinkError: Unable to write jffi binary stub to `/tmp`. Set TMPDIR (please report it; --debug shows where)");
    }

    @Test
    void anErrorWithoutCauseKeepsItsMessageOrJustItsName() {
        assertThat(Main.describeError(new OutOfMemoryError("Java heap space")))
                .isEqualTo("netlab: internal error: OutOfMemoryError: Java heap space (please report it; --debug shows where)");
        assertThat(Main.describeError(new StackOverflowError()))
                .isEqualTo("netlab: internal error: StackOverflowError (please report it; --debug shows where)");
    }
}

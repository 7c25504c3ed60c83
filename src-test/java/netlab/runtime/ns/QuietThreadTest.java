package netlab.runtime.ns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jffi writes its native stub through a FileChannel when libc is first bound; an interrupted thread cannot do that.
 * Binding on a quiet thread lets a Ctrl-C that lands at that moment still leave libc usable (for the rollback).
 */
class QuietThreadTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private static String writeThroughChannel(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("stub".getBytes()));
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anInterruptedThreadCannotWriteThroughAChannel() {
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> writeThroughChannel(dir.resolve("a"))).hasCauseInstanceOf(ClosedByInterruptException.class);
    }

    @Test
    void workOnTheQuietThreadIsNotHitByTheCallersInterruptWhichIsKept() {
        Thread.currentThread().interrupt();
        String read = InNetns.onQuietThread(() -> writeThroughChannel(dir.resolve("b")));
        assertThat(read).isEqualTo("stub");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void failuresOfTheWorkReachTheCaller() {
        assertThatThrownBy(() -> InNetns.onQuietThread(() -> {
            throw new UnsatisfiedLinkError("no libc");
        })).isInstanceOf(UnsatisfiedLinkError.class).hasMessage("no libc");
    }
}

package netlab.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream that says when its reader went away: a {@link PrintStream} swallows the error of a
 * closed pipe (Wireshark quit), so a capture would go on writing to nobody; this one throws
 * {@link LiveCapture.OutputClosed} instead, which ends the capture. Closing it leaves standard output open.
 */
public final class CheckedOutput extends OutputStream {
    private final PrintStream out;

    public CheckedOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        check();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        check();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void check() throws IOException {
        if (out.checkError()) throw new LiveCapture.OutputClosed("the output was closed");
    }
}

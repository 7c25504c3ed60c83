package netlab.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Frames into a pcapng file or pipe. The output is opened only when the capture has begun (every tcpdump
 * listens), so a capture that could not start leaves no file; it is flushed after each batch, so what was captured
 * is in the file (or with Wireshark) within a fraction of a second, and a Ctrl-C loses nothing that was written.
 */
public final class PcapngSink implements LiveCapture.Sink {
    /** Opens the output (a file, standard output). */
    public interface Opener {
        OutputStream open() throws IOException;
    }

    private final Opener opener;
    private OutputStream out;
    private PcapngWriter writer;

    public PcapngSink(Opener opener) {
        this.opener = opener;
    }

    @Override
    public void begin(List<PcapngWriter.Interface> interfaces) throws IOException {
        out = opener.open();
        writer = new PcapngWriter(out, interfaces);
    }

    @Override
    public void frame(Frame f) throws IOException {
        writer.write(f);
    }

    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void end() throws IOException {
        if (writer != null) writer.flush();
    }

    /** Closes the output (a file; standard output stays open). */
    public void close() throws IOException {
        if (out != null) out.close();
    }
}

package netlab.capture;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Frames as one line each ({@link PacketLine}), for a person watching a capture without Wireshark. */
public final class LineSink implements LiveCapture.Sink {
    private final PrintStream out;
    private final ZoneId zone;
    private final List<PcapngWriter.Interface> interfaces = new ArrayList<>();

    public LineSink(PrintStream out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    @Override
    public void begin(List<PcapngWriter.Interface> ifaces) {
        interfaces.addAll(ifaces);
    }

    @Override
    public void frame(Frame f) {
        PcapngWriter.Interface i = interfaces.get(f.iface());
        out.println(PacketLine.of(f, i.name(), i.linkType(), zone));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        if (out.checkError()) throw new LiveCapture.OutputClosed("the output was closed");
    }

    @Override
    public void end() throws IOException {
        flush();
    }
}

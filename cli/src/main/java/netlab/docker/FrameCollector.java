package netlab.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Collects an attached stream's frames into stdout and stderr text. */
final class FrameCollector extends ResultCallback.Adapter<Frame> {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Override
    public void onNext(Frame f) {
        synchronized (this) {
            (f.getStreamType() == StreamType.STDERR ? err : out).writeBytes(f.getPayload());
        }
    }

    synchronized String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}

package netlab.services;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import netlab.model.LabModel;
import netlab.model.ModelNode;
import netlab.plan.Service;
import netlab.plan.ServiceFile;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import netlab.yaml.Fields;

/**
 * {@code tcp: {port: 7000}}: a plain TCP listener on every address of the node (busybox nc, one process per
 * connection). It greets with {@code netlab tcp server on NODE port PORT}, then echoes what it receives, so a
 * {@code tcp} check finds the port open and a client can see the connection works both ways.
 */
public record TcpService(int port, Pos pos) implements Service {

    public static final class Kind implements ServiceKind {
        @Override
        public String key() {
            return "tcp";
        }

        @Override
        public Set<String> fields() {
            return Set.of("port");
        }

        @Override
        public Service parse(Fields f, String where) {
            if (!f.has("port")) f.diags().error(f.pos(), where + " needs 'port'");
            return new TcpService((int) f.integer("port", 1, 1, 65535), f.pos());
        }
    }

    @Override
    public String kind() {
        return "tcp";
    }

    @Override
    public void validate(ModelNode node, LabModel model, Diagnostics d) {}

    @Override
    public List<ServiceFile> files(String node) {
        String script = "#!/bin/sh\n"
                + "# netlab tcp service of node " + node + ": greets, then echoes what it receives\n"
                + "echo 'netlab tcp server on " + node + " port " + port + "'\n"
                + "exec cat\n";
        return List.of(new ServiceFile("reply.sh", script, true));
    }

    @Override
    public List<String> command(Path dir) {
        // -ll with -e: keep listening, one reply process per connection
        return List.of("busybox", "nc", "-ll", "-p", Integer.toString(port), "-e", dir.resolve("reply.sh").toString());
    }
}

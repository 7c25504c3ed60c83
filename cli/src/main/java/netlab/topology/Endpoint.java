package netlab.topology;

import java.util.Optional;
import netlab.source.Pos;

/** One end of a link: {@code node:interface}, or the bare name of a switch. */
public record Endpoint(String name, Optional<String> iface, Pos pos) {

    public boolean isSwitch() {
        return iface.isEmpty();
    }

    @Override
    public String toString() {
        return iface.map(i -> name + ":" + i).orElse(name);
    }
}

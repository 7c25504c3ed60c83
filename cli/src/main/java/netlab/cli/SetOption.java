package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import netlab.source.Diagnostics;
import netlab.topology.expand.Setting;
import picocli.CommandLine.Option;

/** {@code --set NAME=VALUE}: a topology's variable given on the command line (a picocli mixin of the commands that read a topology file). */
public final class SetOption {
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Give the topology's variable NAME (declared under 'vars') this value; repeatable.")
    List<String> sets = new ArrayList<>();

    /** The settings, or an error (exit 2) naming each malformed one. */
    public List<Setting> settings() {
        Diagnostics d = new Diagnostics();
        List<Setting> out = new ArrayList<>();
        for (String s : sets) Setting.parse(s, d).ifPresent(out::add);
        d.throwIfAny();
        return out;
    }
}

package netlab.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netlab.console.Table;
import netlab.errors.ExitCode;
import netlab.json.Json;
import netlab.lab.LabEnv;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", aliases = "ls", description = "List the labs that are up.")
public final class ListCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @ParentCommand
    NetlabCommand top;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        return list(top, top.env(), json);
    }

    int list(NetlabCommand top, LabEnv env, boolean json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Table t = new Table("LAB", "STATUS", "NAMESPACES", "CONTAINERS", "SINCE", "TOPOLOGY");
        for (netlab.state.LabName name : env.store().labs()) {
            env.store().load(name).ifPresent(s -> {
                t.row(s.lab(), s.status(), Integer.toString(s.namespaces().size()), Integer.toString(s.containers().size()),
                        TIME.format(Instant.ofEpochMilli(s.createdAt())), s.topologyPath());
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("lab", s.lab());
                r.put("status", s.status());
                r.put("namespaces", s.namespaces());
                r.put("containers", s.containers());
                r.put("createdAt", s.createdAt());
                r.put("topology", s.topologyPath());
                rows.add(r);
            });
        }
        if (json) top.out().println(Json.write(rows));
        else if (t.size() == 0) top.out().println("no lab is up");
        else t.print(top.out());
        return ExitCode.OK;
    }

    static String status(LabState s) {
        return s.status();
    }
}

package netlab.shell.verbs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.check.Target;
import netlab.cli.Table;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.runtime.NodeExec;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Pos;

/**
 * {@code pingall [-6]}: one echo from every node to every other node, all at once (a few in parallel), shown as
 * a matrix: a row per sender, a column per target; "ok" answered, "X" did not, "-" no address to try.
 * Exit code 1 when any pair did not answer.
 */
final class PingAllVerb implements Verb {
    private static final int PARALLEL = 8;

    @Override
    public String name() {
        return "pingall";
    }

    @Override
    public String usage() {
        return "pingall [-6]";
    }

    @Override
    public String summary() {
        return "every node pings every other node once; a matrix of who reaches whom";
    }

    @Override
    public int run(List<String> args, ShellSession s) throws InterruptedException {
        boolean v6 = args.contains("-6");
        LabModel m = s.lab().model();
        Privileges.require();
        NodeExec exec = s.env().nodeExec(m);
        List<String> nodes = List.copyOf(m.nodes().keySet());
        Map<String, Future<Boolean>> results = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "pingall");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String from : nodes) {
                for (String to : nodes) {
                    if (from.equals(to)) continue;
                    Optional<IpAddress> dst = new Target(to, Pos.unknown("shell")).resolve(m, from, v6);
                    if (dst.isEmpty()) continue;
                    List<String> argv = new ArrayList<>(List.of("ping", "-n", "-c", "1", "-W", "1"));
                    if (v6) argv.add("-6");
                    argv.add(dst.get().toString());
                    results.put(from + ">" + to, pool.submit(() ->
                            s.env().processes().run(exec.inNetns(from, argv), null, Duration.ofSeconds(5)).ok()));
                }
            }
            s.out().println("pingall: one " + (v6 ? "IPv6 " : "") + "echo from every node to every other (row: from, column: to)");
            List<String> header = new ArrayList<>();
            header.add("");
            header.addAll(nodes);
            Table t = new Table(header.toArray(String[]::new));
            int ok = 0, tried = 0;
            for (String from : nodes) {
                List<String> row = new ArrayList<>();
                row.add(from);
                for (String to : nodes) {
                    Future<Boolean> f = results.get(from + ">" + to);
                    if (f == null) {
                        row.add(from.equals(to) ? "" : "-");
                        continue;
                    }
                    boolean answered = get(f);
                    tried++;
                    if (answered) ok++;
                    row.add(answered ? "ok" : "X");
                }
                t.row(row.toArray(String[]::new));
            }
            t.print(s.out());
            int lost = tried - ok;
            s.out().printf("%d/%d pairs answered%s%n", ok, tried, lost == 0 ? "" : String.format(" (%d did not, %.0f%% dropped)", lost, 100.0 * lost / tried));
            return lost == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean get(Future<Boolean> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return false;
        }
    }
}

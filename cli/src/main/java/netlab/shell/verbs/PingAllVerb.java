package netlab.shell.verbs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.check.Target;
import netlab.console.Table;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.model.LabModel;
import netlab.net.IpAddress;
import netlab.plan.Naming;
import netlab.runtime.icmp.Rows;
import netlab.shell.ShellSession;
import netlab.shell.Verb;
import netlab.source.Pos;

/**
 * {@code pingall [-6]}: one echo from every node to every other node (its address on a subnet they share, else
 * its first), all at once from inside the nodes (raw ICMP sockets, no process per pair: the same machinery as the
 * reachability check), shown as a matrix: a row per sender, a column per target; "ok" answered, "X" did not, "-"
 * no address to try. Exit code 1 when any pair did not answer.
 */
final class PingAllVerb implements Verb {
    private static final Duration WAIT = Duration.ofSeconds(3);

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
        Naming naming = s.env().naming(m.name());
        List<String> nodes = List.copyOf(m.nodes().keySet());
        List<Rows.Row> rows = new ArrayList<>();
        List<List<String>> targetsOf = new ArrayList<>();
        for (String from : nodes) {
            List<IpAddress> addrs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String to : nodes) {
                if (from.equals(to)) continue;
                Optional<IpAddress> a = new Target(to, Pos.unknown("shell")).resolve(m, from, v6);
                if (a.isEmpty()) continue;
                addrs.add(a.get());
                names.add(to);
            }
            rows.add(new Rows.Row(naming.nodeNetns(from), addrs));
            targetsOf.add(names);
        }
        long t0 = System.nanoTime();
        Map<String, BitSet> answered = Rows.ping(rows, v6, WAIT, 8);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        s.out().println("pingall: one " + (v6 ? "IPv6 " : "") + "echo from every node to every other (row: from, column: to)");
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(nodes);
        Table t = new Table(header.toArray(String[]::new));
        int ok = 0, tried = 0;
        for (int i = 0; i < nodes.size(); i++) {
            BitSet b = answered.get(rows.get(i).netns());
            List<String> row = new ArrayList<>();
            row.add(nodes.get(i));
            for (String to : nodes) {
                int j = targetsOf.get(i).indexOf(to);
                if (j < 0) {
                    row.add(to.equals(nodes.get(i)) ? "" : "-");
                    continue;
                }
                tried++;
                boolean yes = b != null && b.get(j);
                if (yes) ok++;
                row.add(yes ? "ok" : "X");
            }
            t.row(row.toArray(String[]::new));
        }
        t.print(s.out());
        int lost = tried - ok;
        s.out().printf("%d/%d pairs answered%s (%d ms)%n", ok, tried,
                lost == 0 ? "" : String.format(" (%d did not, %.0f%% dropped)", lost, 100.0 * lost / tried), ms);
        return lost == 0 ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}

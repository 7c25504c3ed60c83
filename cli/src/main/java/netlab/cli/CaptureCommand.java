package netlab.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.capture.CaptureTargets;
import netlab.capture.CheckedOutput;
import netlab.capture.LineSink;
import netlab.capture.LiveCapture;
import netlab.capture.PcapngSink;
import netlab.capture.Tap;
import netlab.console.LabSelector;
import netlab.console.NodeArgument;
import netlab.doctor.Privileges;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;
import netlab.process.Tools;
import netlab.yaml.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "capture", description = "Capture the packets on interfaces of a running lab: a pcapng file whose interfaces are named "
        + "NODE:IFACE, several interfaces merged in time order (-w FILE, or -w - to standard output), or a line per packet. "
        + "Ctrl-C ends it and keeps what was written. Example: netlab capture h1:eth1 r1:eth2 -w - | wireshark -k -i -")
public final class CaptureCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(arity = "1..*", paramLabel = "NODE:IFACE", description = "The interfaces to capture on (each a node's interface as it runs).")
    List<String> interfaces;

    @Mixin
    LabOption lab;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "Write pcapng to FILE ('-': standard output) instead of a line per packet.")
    String write;

    @Option(names = {"-f", "--filter"}, paramLabel = "FILTER", description = "A tcpdump (pcap) filter, like 'icmp or port 80'; given to tcpdump as its expression, never as an option.")
    String filter;

    @Option(names = {"-c", "--count"}, paramLabel = "COUNT", description = "Stop after COUNT packets (of all the interfaces together).")
    Long count;

    @Option(names = "--duration", paramLabel = "D", description = "Stop after D (like 10s, 500ms, 2m).")
    String duration;

    @Override
    public Integer call() throws Exception {
        for (String i : interfaces) NodeArgument.endpoint(i);
        if (count != null && count < 1) throw NetlabException.usage("--count must be at least 1");
        Optional<Duration> d = Optional.empty();
        if (duration != null) {
            d = Durations.parse(duration).filter(x -> !x.isZero());
            if (d.isEmpty()) throw NetlabException.usage("--duration '" + netlab.source.Printable.name(duration) + "' is not a duration like 10s, 500ms or 2m");
        }
        Optional<String> f = Optional.ofNullable(filter).filter(s -> !s.isBlank());
        if (f.isPresent() && f.get().strip().startsWith("-")) throw NetlabException.usage("a filter may not start with '-'");
        if (f.isPresent() && (f.get().contains("\n") || f.get().contains("\0"))) throw NetlabException.usage("a filter is one line");
        if (write != null && write.isEmpty()) throw NetlabException.usage("-w needs a file name, or '-' for standard output");
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab.name(), Optional.empty(), env);
        Privileges.require();
        if (Tools.find("tcpdump").isEmpty()) throw NetlabException.environment("capture needs tcpdump: apt-get install tcpdump");
        List<Tap> taps = CaptureTargets.resolve(r.lab().model(), env, interfaces);
        boolean toStdout = "-".equals(write);
        PcapngSink file = write == null ? null : new PcapngSink(toStdout ? () -> new CheckedOutput(top.out())
                : () -> new BufferedOutputStream(Files.newOutputStream(Path.of(write)), 1 << 16));
        LiveCapture.Sink sink = file != null ? file : new LineSink(top.out(), ZoneId.systemDefault());
        String listening = "capturing on " + String.join(", ", interfaces) + (toStdout ? "" : write != null ? " into " + write : "") + " (Ctrl-C to stop)";
        LiveCapture.Result result;
        try {
            result = new LiveCapture(taps, f, env.processes()).run(new LiveCapture.Limits(Optional.ofNullable(count), d), sink,
                    () -> { if (!top.quiet) top.err().println(listening); });
        } catch (IOException e) {
            throw NetlabException.failed("capture: cannot write " + (write == null || toStdout ? "the output" : write) + ": " + e.getMessage());
        } finally {
            if (file != null) file.close();
        }
        for (String p : result.problems()) top.err().println("netlab: " + p);
        String where = toStdout ? "" : write != null ? " written to " + write : "";
        top.err().println(result.frames() + (result.frames() == 1 ? " packet" : " packets") + where + switch (result.stop()) {
            case COUNT -> " (the count was reached)";
            case DURATION -> " (" + duration + " passed)";
            case INTERRUPTED -> " (interrupted)";
            case OUTPUT_CLOSED -> " (the output was closed)";
            case ALL_GONE -> " (every capture ended)";
        });
        return switch (result.stop()) {
            case INTERRUPTED -> ExitCode.INTERRUPTED;
            case ALL_GONE -> ExitCode.OPERATION_FAILED;
            default -> ExitCode.OK;
        };
    }
}

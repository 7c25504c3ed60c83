package netlab.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.generate.Generator;
import netlab.generate.Routing;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import netlab.source.InvalidTopologyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "generate", description = {"Write a lab of a known shape as a topology with its checks: star, linear (layer 2),",
        "ring, grid, tree, clos, fat-tree (routers, hosts on those facing them; --routing static, ospf or bgp).",
        "Every address is given; the checks prove routing converged and hosts reach hosts. No root needed."})
public final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "SHAPE", description = "star, linear, ring, grid, tree, clos or fat-tree.", completionCandidates = Shapes.class)
    String shape;

    @Option(names = "--size", paramLabel = "N", description = "star: hosts; linear: switches; ring: routers; grid: rows and columns.")
    Integer size;

    @Option(names = "--hosts", paramLabel = "N", description = "star: hosts; other shapes: hosts on each switch or host-facing router (default 1).")
    Integer hosts;

    @Option(names = "--rows", paramLabel = "N", description = "grid: rows.")
    Integer rows;

    @Option(names = "--cols", paramLabel = "N", description = "grid: columns.")
    Integer cols;

    @Option(names = "--depth", paramLabel = "N", description = "tree: levels of routers (default 3).")
    Integer depth;

    @Option(names = "--fanout", paramLabel = "N", description = "tree: children of each inner router (default 2).")
    Integer fanout;

    @Option(names = "--spines", paramLabel = "N", description = "clos: spine routers (default 2).")
    Integer spines;

    @Option(names = "--leaves", paramLabel = "N", description = "clos: leaf routers, hosts on each (default 4).")
    Integer leaves;

    @Option(names = "-k", paramLabel = "K", description = "fat-tree: ports per router, even (default 4: 20 routers, 16 hosts).")
    Integer k;

    @Option(names = "--routing", paramLabel = "PROTO", description = "Routed shapes: static (routes netlab computes, the default), ospf or bgp (FRR in each router).",
            completionCandidates = Protocols.class)
    String routing;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name (default: SHAPE-N).")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the topology to this new file (default: stdout).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    static final class Shapes extends java.util.ArrayList<String> {
        Shapes() {
            super(Generator.SHAPES);
        }
    }

    static final class Protocols extends java.util.ArrayList<String> {
        Protocols() {
            super(java.util.List.of("static", "ospf", "bgp"));
        }
    }

    @Override
    public Integer call() {
        String yaml;
        try {
            Optional<Routing> r = Optional.ofNullable(routing).map(Routing::of);
            yaml = Generator.yaml(new Generator.Request(shape, Optional.ofNullable(size), Optional.ofNullable(hosts), Optional.ofNullable(rows),
                    Optional.ofNullable(cols), Optional.ofNullable(depth), Optional.ofNullable(fanout), Optional.ofNullable(spines),
                    Optional.ofNullable(leaves), Optional.ofNullable(k), r, Optional.ofNullable(name)), "netlab generate " + shape);
        } catch (IllegalArgumentException e) {
            throw NetlabException.usage("generate: " + e.getMessage());
        }
        LoadedLab lab;
        try {
            // what is written is a lab netlab takes: validated as 'netlab validate --allow-large' would
            lab = LabLoader.fromText(top.catalog(), yaml, "<generated>", "/dev/stdout", Optional.empty(), Budget.LARGE);
        } catch (InvalidTopologyException e) {
            e.printTo(top.err());
            throw NetlabException.failed("generate: the generated topology does not validate (a fault of netlab's)");
        }
        if (output == null) top.out().print(yaml);
        else {
            NewFile.write(output, yaml, force);
            top.err().printf("netlab: wrote %s: lab %s, %d nodes, %d switches, %d links, %d checks%n", netlab.source.Printable.name(output.toString()),
                    lab.name(), lab.model().nodes().size(), lab.model().switches().size(), lab.model().links().size(),
                    netlab.check.CheckSpec.of(lab.topology()).size());
        }
        return ExitCode.OK;
    }
}

package netlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.errors.ExitCode;
import netlab.errors.NetlabException;
import netlab.graph.DotRenderer;
import netlab.graph.GraphBuilder;
import netlab.graph.Graphviz;
import netlab.graph.LabGraph;
import netlab.graph.MermaidRenderer;
import netlab.lab.LabLoader;
import netlab.lab.LoadedLab;
import netlab.source.Budget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "graph", description = "Draw a lab: nodes (shape by kind), switches, links with interfaces and addresses, tunnels with their "
        + "VNI or key, pods with their containers. As DOT, Mermaid, or (with Graphviz) SVG or PNG. Example: "
        + "netlab graph topologies/router.yaml -o router.svg")
public final class GraphCommand implements Callable<Integer> {
    enum Format { dot, mermaid, svg, png }

    @ParentCommand
    NetlabCommand top;

    @Parameters(index = "0", paramLabel = "LAB", description = "A topology file, or the name of a lab that is up (no root needed for a file).")
    String lab;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "dot, mermaid, svg or png (default: from the -o file's extension, else dot); "
            + "svg and png need Graphviz's dot.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--name", paramLabel = "NAME", description = "The lab's name when it runs under another name.")
    String name;

    @Option(names = "--allow-large", description = "Draw a topology file over netlab's limits (5000 nodes, 20000 links, a 4 MiB file...: see 'netlab help topology').")
    boolean allowLarge;

    @Mixin
    SetOption set;

    @Override
    public Integer call() throws Exception {
        LoadedLab loaded = LabSelector.looksLikeFile(lab)
                ? LabLoader.fromFile(top.catalog(), Path.of(lab), Optional.ofNullable(name), Budget.of(allowLarge), set.settings())
                : LabSelector.running(lab, Optional.ofNullable(name), top.env()).lab();
        Format f = format != null ? format : fromExtension(output);
        LabGraph g = GraphBuilder.build(loaded.model());
        byte[] bytes = switch (f) {
            case dot -> DotRenderer.render(g).getBytes(StandardCharsets.UTF_8);
            case mermaid -> MermaidRenderer.render(g).getBytes(StandardCharsets.UTF_8);
            case svg, png -> Graphviz.render(DotRenderer.render(g), f.name());
        };
        if (output == null) {
            if (f == Format.png && top.out() == System.out && System.console() != null) {
                throw NetlabException.usage("a PNG is not for the terminal; give -o FILE.png");
            }
            top.out().write(bytes);
            top.out().flush();
        } else {
            try {
                if (output.getParent() != null) Files.createDirectories(output.getParent());
                Files.write(output, bytes);
            } catch (IOException e) {
                throw NetlabException.environment("cannot write " + output + ": " + e.getMessage());
            }
            top.err().println("wrote " + output + " (" + f + ")");
        }
        return ExitCode.OK;
    }

    private static Format fromExtension(Path output) {
        if (output == null) return Format.dot;
        String n = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".svg")) return Format.svg;
        if (n.endsWith(".png")) return Format.png;
        if (n.endsWith(".mmd") || n.endsWith(".mermaid")) return Format.mermaid;
        return Format.dot;
    }
}

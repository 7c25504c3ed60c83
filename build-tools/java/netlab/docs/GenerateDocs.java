package netlab.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import netlab.cli.CommandTree;
import netlab.cli.HelpCommand;
import netlab.cli.NetlabCommand;
import netlab.console.Io;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Generates shell completion (bash, zsh) and man pages from the program itself: the picocli command tree and the
 * topology reference. Run by the build (into target/generated-docs); the copies committed under completions/ and
 * man/ are compared with a fresh generation by a test, so they cannot drift.
 *
 * <p>A build tool (build-tools/java), not part of netlab.jar: the pom's exec plugin runs it with the test classpath.
 * <pre>java -cp target/classes:target/build-tools:CLASSPATH netlab.docs.GenerateDocs OUTPUT-DIR</pre>
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    /** Relative path (completions/…, man/…) → content. */
    public static Map<String, String> generate() {
        CommandLine top = CommandTree.of(new NetlabCommand(Io.system()));
        Map<String, String> files = new LinkedHashMap<>();
        files.put("completions/netlab.bash", AutoComplete.bash("netlab", top));
        files.put("completions/_netlab", ZshCompletion.render(top));
        ManPages.all(top).forEach((name, text) -> files.put("man/" + name, text));
        files.put("man/netlab-topology.5", TopologyManPage.render(HelpCommand.topologyReference()));
        return files;
    }

    public static void write(Path root) {
        generate().forEach((rel, text) -> {
            Path f = root.resolve(rel);
            try {
                Files.createDirectories(f.getParent());
                Files.writeString(f, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: GenerateDocs OUTPUT-DIR");
            System.exit(2);
        }
        write(Path.of(args[0]));
    }
}

package netlab.shell.verbs;

import java.util.List;
import netlab.shell.Verb;

/** Every verb of the shell, in the order help lists them. */
public final class ShellVerbs {
    private ShellVerbs() {}

    public static List<Verb> all() {
        return List.of(
                new NodesVerb(),
                new LinksVerb(),
                new NetVerb(),
                new PingVerb(),
                new PingAllVerb(),
                new ExecVerb(),
                new VtyshVerb(),
                new LinkVerb(),
                new ShowVerb(),
                new CheckVerb(),
                new SourceVerb(),
                new LabVerb(),
                new HelpVerb(),
                new ExitVerb("exit"),
                new ExitVerb("quit"));
    }
}

package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.console.LabSelector;
import netlab.console.NodeArgument;
import netlab.lab.LabEnv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "exec", description = "Run a command inside a node of a running lab, with your terminal attached. Exits with the command's exit code. Example: netlab exec h1 -- ping -c1 10.0.0.2")
public final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    NetlabCommand top;

    @Mixin
    LabOption lab;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node (pod/container for a pod's member).")
    String node;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "COMMAND", description = "The command and its arguments (default: a shell).")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        NodeArgument.node(node);
        LabEnv env = top.env();
        LabSelector.Running r = LabSelector.running(lab.name(), Optional.empty(), env);
        netlab.doctor.Privileges.require();
        // the parser stops at NODE, so an "--" written before the command arrives as its first word
        List<String> words = !command.isEmpty() && command.get(0).equals("--") ? command.subList(1, command.size()) : command;
        List<String> cmd = words.isEmpty() ? List.of("sh") : words;
        List<String> argv = env.nodeExec(r.lab().model()).interactive(node, cmd);
        Process p;
        try {
            p = new ProcessBuilder(argv).inheritIO().start();
        } catch (java.io.IOException e) {
            throw netlab.errors.NetlabException.environment("cannot run " + argv.get(0) + " (" + e.getMessage() + ")"
                    + (argv.get(0).equals("docker") ? "; a terminal in a container goes through the docker CLI: apt-get install docker.io" : ""));
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            // Ctrl-C reached the command too (same terminal); wait for it to end on its own terms
            return p.waitFor();
        }
    }
}

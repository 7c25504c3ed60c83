package netlab.cli;

import java.util.List;
import java.util.Optional;
import netlab.console.LabSelector;
import netlab.console.NodeArgument;
import netlab.errors.NetlabException;
import netlab.lab.LabEnv;

/**
 * Reads {@code [LAB] NODE:IFACE [WORDS...]}: the lab is optional (the only lab that is up) and may also come from
 * {@code --lab}; the interface is the first word with a colon.
 */
record LinkTarget(LabSelector.Running lab, String iface, List<String> rest) {
    static LinkTarget parse(List<String> words, String labOption, LabEnv env) {
        if (words.isEmpty()) throw NetlabException.usage("say which link: NODE:IFACE (one of its ends), like h1:eth1");
        String lab = labOption;
        int at = 0;
        if (!words.get(0).contains(":")) {
            if (lab != null) throw NetlabException.usage("give the lab once: as LAB or with --lab");
            lab = words.get(0);
            at = 1;
        }
        if (words.size() <= at || !words.get(at).contains(":")) {
            throw NetlabException.usage("say which link: NODE:IFACE (one of its ends), like h1:eth1");
        }
        NodeArgument.endpoint(words.get(at));
        return new LinkTarget(LabSelector.running(lab, Optional.empty(), env), words.get(at), words.subList(at + 1, words.size()));
    }
}

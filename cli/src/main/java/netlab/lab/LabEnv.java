package netlab.lab;

import netlab.model.LabModel;
import netlab.nodes.KindRuntime;
import netlab.nodes.LabNodeExec;
import netlab.plan.Naming;
import netlab.plan.Tool;
import netlab.runtime.ProcessRunner;
import netlab.runtime.ServiceRunner;
import netlab.runtime.Progress;
import netlab.runtime.ToolRunners;
import netlab.state.StateStore;

/** What every lab operation works with: where records live, how programs run, where progress goes. */
public record LabEnv(StateStore store, ProcessRunner processes, ToolRunners runners, Progress progress) {

    public static LabEnv standard(StateStore store, Progress progress) {
        return new LabEnv(store, new ProcessRunner(), ToolRunners.standard().with(Tool.SERVICE, new ServiceRunner(store)), progress);
    }

    public Naming naming(String lab) {
        return store.naming(lab);
    }

    public KindRuntime kindRuntime(String lab) {
        return new KindRuntime(naming(lab), processes);
    }

    public LabNodeExec nodeExec(LabModel model) {
        return new LabNodeExec(model, kindRuntime(model.name()));
    }
}

package netlab.testing;

import netlab.doctor.FeatureProbe;
import netlab.doctor.ProbeResult;
import netlab.process.ProcessRunner;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables Docker integration tests where root, iproute2 and a Docker engine are there; says why when not. */
public final class DockerCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult root = new RootCondition().evaluateExecutionCondition(context);
        if (root.isDisabled()) return root;
        ProbeResult docker = new FeatureProbe(new ProcessRunner()).docker();
        if (docker.available()) return ConditionEvaluationResult.enabled("Docker engine: " + docker.detail());
        String message = "SKIPPED " + context.getDisplayName() + ": no Docker engine (" + docker.detail() + ")";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}

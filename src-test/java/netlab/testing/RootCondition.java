package netlab.testing;

import netlab.doctor.Privileges;
import netlab.process.Tools;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables root integration tests only where they can run, and says why when they cannot. */
public final class RootCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = null;
        if (!Privileges.sufficient()) why = "not root (needs CAP_NET_ADMIN and CAP_SYS_ADMIN)";
        else if (Tools.find("ip").isEmpty()) why = "iproute2 is not installed";
        if (why == null) return ConditionEvaluationResult.enabled("root and iproute2 present");
        String message = "SKIPPED " + context.getDisplayName() + ": " + why;
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}

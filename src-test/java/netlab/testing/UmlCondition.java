package netlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables UML tests where the UML kernel is installed, and says why not where it is missing. */
public final class UmlCondition implements ExecutionCondition {
    public static final Path KERNEL = Path.of(System.getenv().getOrDefault("UML_KERNEL", "/usr/bin/linux.uml"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(KERNEL)) return ConditionEvaluationResult.enabled("UML kernel at " + KERNEL);
        String message = "SKIPPED " + context.getDisplayName() + ": " + KERNEL + " is missing (apt-get install user-mode-linux)";
        System.err.println(message);
        return ConditionEvaluationResult.disabled(message);
    }
}

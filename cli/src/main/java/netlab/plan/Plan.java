package netlab.plan;

import java.util.List;

/** Everything {@code up} does for a lab, in order. Computed from the model alone; running it twice is harmless. */
public record Plan(String lab, List<Stage> stages) {
    public Plan {
        stages = List.copyOf(stages);
    }

    public int opCount() {
        return stages.stream().mapToInt(Stage::opCount).sum();
    }
}

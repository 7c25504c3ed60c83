package netlab.plan;

import java.util.List;

/** A step of the plan; its units are independent and may run in parallel. Stages run one after the other. */
public record Stage(String name, List<Unit> units) {
    public Stage {
        units = List.copyOf(units);
    }

    public int opCount() {
        return units.stream().mapToInt(u -> u.ops().size()).sum();
    }
}

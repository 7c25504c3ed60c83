package netlab.lab;

import netlab.model.LabModel;
import netlab.topology.Topology;

/** A topology that parsed and validated without errors, with its resolved model. */
public record LoadedLab(Topology topology, LabModel model) {
    public String name() {
        return topology.name();
    }

    /** The name checked as a lab name (a topology that validated has a good one: this never refuses). */
    public netlab.state.LabName labName() {
        return netlab.state.LabName.of(topology.name());
    }
}

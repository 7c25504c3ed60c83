package netlab.lab;

import netlab.model.LabModel;
import netlab.topology.Topology;

/** A topology that parsed and validated without errors, with its resolved model. */
public record LoadedLab(Topology topology, LabModel model) {
    public String name() {
        return topology.name();
    }
}

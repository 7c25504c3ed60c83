package netlab.nodes;

import netlab.plan.Naming;
import netlab.runtime.ProcessRunner;

/** What node kinds need to act: the lab's naming and a way to run programs. */
public record KindRuntime(Naming naming, ProcessRunner processes) {}

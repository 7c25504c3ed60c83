package netlab.cluster;

import java.util.EnumSet;
import java.util.Set;
import netlab.doctor.Feature;
import netlab.model.LabModel;

/** What a cluster needs of the machine beyond its generated interfaces and rules: VXLAN for flannel.1, etcd. */
public final class ClusterFeatures {
    private ClusterFeatures() {}

    public static Set<Feature> of(LabModel model) {
        Set<Feature> f = EnumSet.noneOf(Feature.class);
        ClusterSpec.of(model.topology()).ifPresent(c -> {
            f.add(Feature.BRIDGE);
            if (c.backend() == Backend.VXLAN) f.add(Feature.VXLAN);
            if (c.backend().usesEtcd()) f.add(Feature.ETCD);
        });
        return f;
    }
}

package netlab.interfaces;

import netlab.doctor.Feature;

/**
 * {@code type: gretap}: an Ethernet-over-GRE tunnel to another node (MAC-in-GRE, the idea behind NVGRE). Put it in a
 * {@code bridge} with local ports and the two ends' L2 segments become one, across a routed underlay.
 */
public final class GretapType extends GreFamilyType {
    public static final String NAME = "gretap";

    public GretapType() {
        super(NAME, Feature.GRETAP);
    }
}

package netlab.interfaces;

import netlab.app.BuiltIn;

/**
 * The interface types as the planner still reaches them, by a static call, until the planner (being reworked for
 * typed operations on another branch) takes the catalog it is given; every other engine takes the types from its
 * catalog. Registers nothing itself: {@link BuiltIn} does.
 */
public final class InterfaceTypes {
    private InterfaceTypes() {}

    public static InterfaceType get(String name) {
        return BuiltIn.catalog().interfaceTypes().get(name);
    }
}

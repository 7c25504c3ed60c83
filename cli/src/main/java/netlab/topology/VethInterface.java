package netlab.topology;

/** The default interface type: one end of a link (a veth pair). */
public enum VethInterface implements InterfaceTypeSpec {
    INSTANCE;

    @Override
    public String type() {
        return "veth";
    }

    @Override
    public boolean needsLink() {
        return true;
    }
}

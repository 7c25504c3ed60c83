package netlab.plan;

/** Sets one sysctl inside the unit's namespace. */
public record SysctlOp(String key, String value) implements Op {
    @Override
    public Tool tool() {
        return Tool.SYSCTL;
    }

    @Override
    public String describe() {
        return key + "=" + value;
    }
}

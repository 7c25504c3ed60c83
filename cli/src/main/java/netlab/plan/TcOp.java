package netlab.plan;

/** One line for {@code tc -batch}, such as {@code qdisc replace dev eth1 root netem delay 100ms} (idempotent). */
public record TcOp(String text) implements Op {
    public TcOp {
        BatchLine.require(text);
    }

    @Override
    public Tool tool() {
        return Tool.TC;
    }
}

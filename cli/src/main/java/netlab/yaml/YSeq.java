package netlab.yaml;

import java.util.List;
import netlab.source.Pos;

public record YSeq(List<YNode> items, Pos pos) implements YNode {
    public YSeq {
        items = List.copyOf(items);
    }

    @Override
    public String describe() {
        return "a list";
    }
}

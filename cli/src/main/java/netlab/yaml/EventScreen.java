package netlab.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import netlab.source.Diagnostics;
import netlab.source.Pos;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Looks at a YAML file's parse events, before a tree is built from them, for what would make building the tree
 * dangerous or silently wrong, and reports it with its position: nesting deeper than any topology needs (the
 * tree builder recurses), an alias to a collection that contains the alias (a tree that contains itself), too
 * many aliases of collections (exponential expansion, "billion laughs"), and tags (topologies use none; a tag
 * would be ignored, so {@code !!seq} on a mapping would go unnoticed).
 */
final class EventScreen {
    static final String STR_TAG = "tag:yaml.org,2002:str";

    private final String file;
    private final Diagnostics diags;
    private final int maxDepth;
    private final int maxCollectionAliases;
    /** Where the parser last got to: the position of an error the YAML library reports without one. */
    private Optional<Mark> last = Optional.empty();

    EventScreen(String file, Diagnostics diags, int maxDepth, int maxCollectionAliases) {
        this.file = file;
        this.diags = diags;
        this.maxDepth = maxDepth;
        this.maxCollectionAliases = maxCollectionAliases;
    }

    /** True when nothing was found; syntax errors propagate as the library's exceptions. */
    boolean screen(String text, LoadSettings settings) {
        Deque<Optional<Anchor>> open = new ArrayDeque<>();
        Set<Anchor> collections = new HashSet<>();
        int collectionAliases = 0;
        boolean ok = true;
        for (Event event : new Parse(settings).parseString(text)) {
            last = event.getStartMark().or(() -> last);
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    CollectionStartEvent start = (CollectionStartEvent) event;
                    if (open.size() >= maxDepth) {
                        diags.error(pos(event.getStartMark()), "nesting deeper than " + maxDepth + " levels");
                        return false;
                    }
                    ok &= tagAllowed(start.getTag(), false, event);
                    start.getAnchor().ifPresent(collections::add);
                    open.push(start.getAnchor());
                }
                case MappingEnd, SequenceEnd -> open.pop();
                case Scalar -> ok &= tagAllowed(((ScalarEvent) event).getTag(), true, event);
                case Alias -> {
                    Anchor a = ((AliasEvent) event).getAlias();
                    if (open.contains(Optional.of(a))) {
                        diags.error(pos(event.getStartMark()), "alias *" + a.getValue() + " is inside the collection &" + a.getValue()
                                + " it refers to (it would contain itself)");
                        return false;
                    }
                    if (collections.contains(a) && ++collectionAliases > maxCollectionAliases) {
                        diags.error(pos(event.getStartMark()), "more than " + maxCollectionAliases + " aliases of lists or mappings;"
                                + " a topology needs far fewer (this looks like an alias bomb)");
                        return false;
                    }
                }
                default -> { }
            }
        }
        return ok;
    }

    /** The position the parser had reached: for errors the YAML library raises without one. */
    Pos lastPosition() {
        return last.map(this::pos).orElse(new Pos(file, 1, 1));
    }

    private boolean tagAllowed(Optional<String> tag, boolean scalar, Event event) {
        if (tag.isEmpty() || (scalar && tag.get().equals(STR_TAG))) return true;
        String shown = tag.get().startsWith("tag:yaml.org,2002:") ? "!!" + tag.get().substring("tag:yaml.org,2002:".length()) : tag.get();
        diags.error(pos(event.getStartMark()), "YAML tag " + shown + " is not supported in a topology"
                + (scalar ? " (write the value plainly, or quote it to make it text)" : ""));
        return false;
    }

    private Pos pos(Optional<Mark> mark) {
        return YamlLoader.pos(mark, file);
    }

    private Pos pos(Mark mark) {
        return new Pos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}

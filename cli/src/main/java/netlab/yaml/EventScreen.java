package netlab.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.source.Budget;
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
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Looks at a YAML file's parse events, before a tree is built from them, for what would make building the tree
 * dangerous or silently wrong, and reports it with its position: nesting deeper than any topology needs (the
 * tree builder recurses), an alias to a collection that contains the alias (a tree that contains itself), too
 * many aliases of collections (exponential expansion, "billion laughs"), more nodes than the budget allows, and
 * tags (topologies use none; a tag would be ignored, so {@code !!seq} on a mapping would go unnoticed).
 *
 * <p>Nodes are counted as what reads the tree sees: an alias counts as the whole subtree of its anchor, since the
 * parser and validator walk it once per alias. Twenty-four levels of lists holding two aliases of the level before
 * make a file of 600 bytes and 100 million nodes; the count stops it before anything is built.
 */
final class EventScreen {
    static final String STR_TAG = "tag:yaml.org,2002:str";

    private final String file;
    private final Diagnostics diags;
    private final int maxDepth;
    private final int maxCollectionAliases;
    private final Budget budget;
    /** Where the parser last got to: the position of an error the YAML library reports without one. */
    private Optional<Mark> last = Optional.empty();

    EventScreen(String file, Diagnostics diags, int maxDepth, int maxCollectionAliases, Budget budget) {
        this.file = file;
        this.diags = diags;
        this.maxDepth = maxDepth;
        this.maxCollectionAliases = maxCollectionAliases;
        this.budget = budget;
    }

    /** True when nothing was found; syntax errors propagate as the library's exceptions. */
    boolean screen(String text, LoadSettings settings) {
        Deque<Optional<Anchor>> open = new ArrayDeque<>();
        Set<Anchor> collections = new HashSet<>();
        NodeCount count = new NodeCount();
        int collectionAliases = 0;
        boolean ok = true;
        Iterator<Event> events = new Parse(settings).parseString(text).iterator();
        while (events.hasNext()) {
            Event event = events.next();
            last = event.getStartMark().or(() -> last);
            count.add(event);
            if (count.total > budget.maxYamlNodes()) {
                Pos at = pos(event.getStartMark());
                diags.error(at, "this file makes " + countToTheEnd(events, count) + " YAML nodes (an alias counts as the copy of its"
                        + " anchor it makes) and passes the limit of " + budget.maxYamlNodes() + " here ("
                        + budget.readingHint(Long.toString(Budget.LARGE.maxYamlNodes())) + ")");
                return false;
            }
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
                case Scalar -> {
                    ScalarEvent scalar = (ScalarEvent) event;
                    if (scalar.getAnchor().isPresent()) collections.remove(scalar.getAnchor().get()); // defined again, as a scalar
                    ok &= tagAllowed(scalar.getTag(), true, event);
                }
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

    /**
     * How many nodes the whole file makes, counting on to its end (cheap: events only, no tree), so the message
     * says how far over the limit it is; "at least" when the file breaks off before its end.
     */
    private static String countToTheEnd(Iterator<Event> events, NodeCount count) {
        try {
            while (events.hasNext()) count.add(events.next());
            return Long.toString(count.total);
        } catch (YamlEngineException e) {
            return "at least " + count.total;
        }
    }

    /** Counts the nodes a file makes as its events come, an alias as the whole subtree of its anchor. */
    private static final class NodeCount {
        /** The count before each open collection began: its size, when it ends, is the difference. */
        private final Deque<Long> before = new ArrayDeque<>();
        private final Deque<Optional<Anchor>> anchors = new ArrayDeque<>();
        private final Map<Anchor, Long> sizes = new HashMap<>();
        long total;

        void add(Event event) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    before.push(total);
                    anchors.push(((CollectionStartEvent) event).getAnchor());
                    total = plus(total, 1);
                }
                case MappingEnd, SequenceEnd -> {
                    long size = total - before.pop();
                    Optional<Anchor> anchor = anchors.pop();
                    if (anchor.isPresent()) sizes.put(anchor.get(), size);
                }
                case Scalar -> {
                    Optional<Anchor> anchor = ((ScalarEvent) event).getAnchor();
                    if (anchor.isPresent()) sizes.put(anchor.get(), 1L);
                    total = plus(total, 1);
                }
                // an anchor defined again later counts with its latest size, as YAML resolves the alias
                case Alias -> total = plus(total, sizes.getOrDefault(((AliasEvent) event).getAlias(), 1L));
                default -> { }
            }
        }

        /** Saturating: a bomb's count can pass what a long holds. */
        private static long plus(long a, long b) {
            return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
        }
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

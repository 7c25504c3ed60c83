package netlab.routing.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import netlab.app.BuiltIn;
import netlab.check.CheckSpec;
import netlab.check.CouldNotRun;
import netlab.check.Observation;
import netlab.check.Outcome;
import netlab.lab.LabLoader;
import netlab.net.Cidr;
import netlab.net.IpAddress;
import netlab.routing.observe.KernelRoute;
import netlab.source.Diagnostic;
import netlab.source.InvalidTopologyException;
import netlab.topology.Expect;
import org.junit.jupiter.api.Test;

/**
 * The convergence check (issue 16): the cut, the time until the route moves, measured from the cut, the cut undone
 * in every case; never a pass because it could not run. The looks are a script here (a fake lab and clock), so
 * the measured time is exact. Fails before: there was no converge check.
 */
class ConvergeCheckTest {
    static final Cidr LAN = Cidr.of("10.1.2.0/24");
    static final KernelRoute VIA_R2 = new KernelRoute(LAN, IpAddress.parse("10.0.12.2"), Optional.of("eth1"), "ospf");
    static final KernelRoute VIA_R4 = new KernelRoute(LAN, IpAddress.parse("10.0.14.2"), Optional.of("eth2"), "ospf");
    static final KernelRoute STATIC = new KernelRoute(LAN, IpAddress.parse("10.0.12.2"), Optional.of("eth1"), "boot");
    static final Reroute.Words WORDS = new Reroute.Words("r1", "10.1.2.0/24", "r1:eth1 went down", "via r4");
    static final Reroute.MoveTest TO_R4 = Reroute.MoveTest.to(r -> r.gateway().equals(IpAddress.parse("10.0.14.2")));

    /** A lab whose route is read from a script (the last entry repeats), with a clock that moves only when slept. */
    static final class ScriptedLab implements Reroute.Lab {
        final Deque<Object> looks = new ArrayDeque<>();
        final List<String> did = new ArrayList<>();
        long now = 1_000_000_000L;
        boolean actFails;
        boolean undoFails;
        /** What every look sees once the cut is undone, when set. */
        Object afterUndo;

        ScriptedLab(Object... looks) {
            for (Object o : looks) this.looks.add(o);
        }

        @Override
        public Optional<KernelRoute> route() {
            Object o = afterUndo != null && did.contains("undo") ? afterUndo : looks.size() > 1 ? looks.poll() : looks.peek();
            if (o instanceof RuntimeException e) throw e;
            return o instanceof KernelRoute r ? Optional.of(r) : Optional.empty();
        }

        @Override
        public void act() {
            did.add("cut");
            if (actFails) throw new CouldNotRun("Cannot find device \"eth1\"");
        }

        @Override
        public void undo() {
            did.add("undo");
            if (undoFails) throw new CouldNotRun("RTNETLINK answers: No such device");
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration d) {
            now += d.toNanos();
        }
    }

    private static final String NONE = "no route";

    @Test
    void aRouteThatMovesIsAPassWithTheTimeFromTheCut() throws Exception {
        // before; then gone twice (the kernel dropped it with the link), then through r4; back as before after the undo
        ScriptedLab lab = new ScriptedLab(VIA_R2, NONE, NONE, VIA_R4, VIA_R2);
        Observation o = Reroute.measure(lab, WORDS, TO_R4, Duration.ofSeconds(10));
        assertThat(o.ok()).as(o.detail()).isTrue();
        assertThat(o.detail()).isEqualTo("r1's route to 10.1.2.0/24 moved from via 10.0.12.2 dev eth1 (ospf) to via 10.0.14.2 dev eth2 (ospf) in 0.04 s"
                + " after r1:eth1 went down (bound 10.00 s); back as before 0.00 s after it was undone");
        assertThat(lab.did).containsExactly("cut", "undo");
    }

    /** Static routes only: the route goes with the link and nothing puts another in. A failure, never a pass. */
    @Test
    void aRouteThatDoesNotMoveFailsAndTheCutIsUndone() throws Exception {
        ScriptedLab lab = new ScriptedLab(STATIC, NONE);
        lab.afterUndo = STATIC; // the link up and the node's routes put back
        Observation o = Reroute.measure(lab, WORDS, TO_R4, Duration.ofSeconds(2));
        assertThat(o.seen()).isEqualTo(Observation.Seen.NOT_OK);
        assertThat(o.detail()).isEqualTo("r1's route to 10.1.2.0/24 did not move via r4 within 2.00 s after r1:eth1 went down (it was via 10.0.12.2 dev eth1 (boot); it has none); back as before 0.00 s after it was undone");
        assertThat(lab.did).containsExactly("cut", "undo");
        assertThat(Outcome.of(o, Expect.SUCCESS)).isEqualTo(Outcome.FAILED);
        assertThat(Outcome.of(o, Expect.FAILURE)).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anyOtherWayWhenNoneIsGiven() throws Exception {
        Observation o = Reroute.measure(new ScriptedLab(VIA_R2, VIA_R2, VIA_R4, VIA_R2), WORDS, Reroute.MoveTest.away(), Duration.ofSeconds(1));
        assertThat(o.ok()).as(o.detail()).isTrue();
        assertThat(o.detail()).contains("in 0.02 s");
    }

    @Test
    void whatCouldNotBeDoneIsNeverAPassWhateverTheCheckExpects() throws Exception {
        ScriptedLab noRoute = new ScriptedLab(NONE);
        Observation o = Reroute.measure(noRoute, WORDS, TO_R4, Duration.ofSeconds(1));
        assertThat(o.detail()).isEqualTo("r1 has no route to 10.1.2.0/24 before r1:eth1 went down: there is nothing to move");
        assertThat(noRoute.did).as("nothing cut").isEmpty();

        ScriptedLab already = new ScriptedLab(VIA_R4);
        o = Reroute.measure(already, WORDS, TO_R4, Duration.ofSeconds(1));
        assertThat(o.detail()).contains("is already via 10.0.14.2 dev eth2 (ospf) before r1:eth1 went down: no move could be told");
        assertThat(already.did).isEmpty();

        ScriptedLab cutFails = new ScriptedLab(VIA_R2);
        cutFails.actFails = true;
        o = Reroute.measure(cutFails, WORDS, TO_R4, Duration.ofSeconds(1));
        assertThat(o.detail()).startsWith("r1:eth1 went down could not be done");

        ScriptedLab unreadable = new ScriptedLab(VIA_R2, new CouldNotRun("cannot read the routes of namespace netlab.rt.r1"));
        o = Reroute.measure(unreadable, WORDS, TO_R4, Duration.ofSeconds(1));
        assertThat(o.detail()).isEqualTo("after r1:eth1 went down: cannot read the routes of namespace netlab.rt.r1");
        assertThat(unreadable.did).as("undone all the same").containsExactly("cut", "undo");

        ScriptedLab stuck = new ScriptedLab(VIA_R2, VIA_R4);
        stuck.undoFails = true;
        o = Reroute.measure(stuck, WORDS, TO_R4, Duration.ofSeconds(1));
        assertThat(o.detail()).startsWith("the cut could not be undone, the lab is left cut");

        for (Observation x : List.of(Reroute.measure(new ScriptedLab(NONE), WORDS, TO_R4, Duration.ofSeconds(1)), o)) {
            assertThat(x.ran()).isFalse();
            assertThat(Outcome.of(x, Expect.FAILURE)).isNotEqualTo(Outcome.PASSED);
            assertThat(Outcome.of(x, Expect.SUCCESS)).isNotEqualTo(Outcome.PASSED);
        }
    }

    @Test
    void theCheckIsReadAndPlacedAgainstTheLab() {
        String lab = RoutingExtensionTest.LAB.replace("checks:\n", """
                checks:
                  - converge: {cut: r2:eth1, node: r1, to: 10.255.0.2/32, via: r2, within: 5s}
                """);
        List<CheckSpec> checks = CheckSpec.of(LabLoader.fromText(BuiltIn.catalog(), lab, "t.yaml", "/t.yaml", Optional.empty()).topology());
        ConvergeCheck c = (ConvergeCheck) checks.get(0).body();
        assertThat(c.describe()).isEqualTo("converge r1 to 10.255.0.2/32 after cutting r2:eth1 via r2");
        assertThat(c.within()).isEqualTo(Duration.ofSeconds(5));
        assertThat(checks.get(0).timeout()).as("the bound twice and the commands' time").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void mistakesAreReportedAtTheirPlaces() {
        String bad = RoutingExtensionTest.LAB.replace("checks:\n", """
                checks:
                  - converge: {cut: r2eth1, node: r1, to: 10.1.2.0/24}
                  - converge: {cut: r2:eth7, node: r9, to: 10.1.2.1/24, within: 0s}
                  - converge: {cut: r1:lo, node: r1, to: 10.1.2.0/24, via: r8, dev: eth5}
                """);
        List<String> errors;
        try {
            LabLoader.fromText(BuiltIn.catalog(), bad, "t.yaml", "/t.yaml", Optional.empty());
            throw new AssertionError("no error");
        } catch (InvalidTopologyException e) {
            errors = e.diagnostics().stream().map(Diagnostic::toString).toList();
        }
        assertThat(errors).allSatisfy(e -> assertThat(e).matches("t\\.yaml:\\d+:\\d+: .*"));
        assertThat(String.join("\n", errors)).contains("'cut' of the converge check must be NODE:INTERFACE (the interface taken down), not 'r2eth1'")
                .contains("has host bits set: 10.1.2.1/24").contains("'within' of the converge check must be more than 0")
                .contains("node r2 has no interface 'eth7' to take down").contains("a node's loopback is no link to cut")
                .contains("'via' of a converge check (a node or an address): no node 'r8'").contains("node r1 has no interface 'eth5'");
    }
}

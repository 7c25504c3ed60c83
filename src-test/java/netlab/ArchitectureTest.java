package netlab;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, as docs/architecture.md draws it: the layers in order, each package in exactly one, no
 * dependency from a lower layer to a higher one, and no cycle between packages (a subpackage is a package of its
 * own). It reads the product's class files (netlab.jar's), not the tests'.
 */
class ArchitectureTest {
    /**
     * The layers, lowest first; each names its packages ({@code ..} takes the subpackages too). A layer may use every
     * layer below it and none above; inside a layer any direction goes, as long as it makes no cycle.
     */
    static final List<Layer> LAYERS = List.of(
            new Layer("base utilities", "netlab.errors..", "netlab.net..", "netlab.json..", "netlab.text..",
                    "netlab.source..", "netlab.yaml..", "netlab.process.."),
            new Layer("vocabulary", "netlab.kind..", "netlab.topology", "netlab.model", "netlab.plan", "netlab.state.."),
            new Layer("runtimes", "netlab.runtime..", "netlab.docker..", "netlab.doctor.."),
            new Layer("core", "netlab.core..", "netlab.check", "netlab.drift..", "netlab.traffic..",
                    "netlab.topology.parse..", "netlab.topology.expand..", "netlab.model.build..", "netlab.plan.build.."),
            new Layer("kinds and extensions", "netlab.nodes..", "netlab.interfaces..", "netlab.rules..", "netlab.services..",
                    "netlab.check.kinds..", "netlab.cluster..", "netlab.routing.."),
            new Layer("use cases", "netlab.lab..", "netlab.trace..", "netlab.capture..", "netlab.graph..", "netlab.explain..", "netlab.check.report..", "netlab.importing..", "netlab.generate.."),
            new Layer("composition root", "netlab.app.."),
            new Layer("console", "netlab.console.."),
            new Layer("shell", "netlab.shell.."),
            new Layer("command line", "netlab.cli.."),
            new Layer("main", "netlab"));

    record Layer(String name, String... packages) {}

    static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        // where netlab's own classes are (target/classes): the product only, without the tests and build tools, and
        // without the picocli classes the build rewrites there
        product = new ClassFileImporter().withImportOption(location -> !location.contains("/picocli/"))
                .importUrl(Main.class.getProtectionDomain().getCodeSource().getLocation())
                .that(resideInAPackage("netlab.."));
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(product);
    }

    @Test
    void noPackageCycle() {
        slices().assignedFrom(new EachPackage()).should().beFreeOfCycles().check(product);
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (Layer l : LAYERS) arch = arch.layer(l.name()).definedBy(l.packages());
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            List<String> above = new ArrayList<>();
            for (Layer l : LAYERS.subList(i + 1, LAYERS.size())) above.add(l.name());
            arch = arch.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        return arch.whereLayer(LAYERS.get(LAYERS.size() - 1).name()).mayNotBeAccessedByAnyLayer();
    }

    /** Every package a slice of its own, so a cycle between a package and its subpackage counts too. */
    static final class EachPackage implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package";
        }
    }
}

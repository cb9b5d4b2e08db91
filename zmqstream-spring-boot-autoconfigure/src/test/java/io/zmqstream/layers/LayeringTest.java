package io.zmqstream.layers;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The one-way rule, read from the compiled classes of the core and the Spring parts: the core
 * (io.zmqstream, its leaf packages proxy, zap and request, and internal) knows no Spring and none of the
 * Spring parts; listener stands on the core; template and scheduling on the listener and the core; metrics and
 * actuate on those and the core;
 * autoconfigure wires them all and is used by none; the core's internal helpers serve the core
 * alone, and its root package uses no leaf.
 */
class LayeringTest {

    private static final String CORE = "io.zmqstream";
    /** The main classes of both modules, wherever the build put them: test classes and the core's test jar left out. */
    private static final ImportOption MAIN_CLASSES = location -> !location.contains("/test-classes/")
            && !location.contains("-tests.jar");
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(MAIN_CLASSES).importPackages(CORE);

    @Test
    void theLayersDependOneWay() {
        check(layers());
    }

    @Test
    void theCoreKnowsNoSpringAndNoMicrometer() {
        check(coreFreeOfSpring());
    }

    @Test
    void theCoresInternalHelpersServeTheCoreAlone() {
        check(noClasses().that().resideInAnyPackage(CORE + ".listener..", CORE + ".template..", CORE + ".scheduling..",
                CORE + ".metrics..", CORE + ".actuate..", CORE + ".autoconfigure..").should().dependOnClassesThat().resideInAPackage(CORE + ".internal.."));
    }

    @Test
    void theCoresRootPackageUsesNoLeafPackage() {
        check(noClasses().that().resideInAPackage(CORE).should().dependOnClassesThat()
                .resideInAnyPackage(CORE + ".proxy..", CORE + ".zap..", CORE + ".request.."));
    }

    /** The layers, from the top: each may use those below it, none those above. */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInAnyPackage(CORE + "..")
                .layer("autoconfigure").definedBy(CORE + ".autoconfigure..")
                .layer("metrics and actuate").definedBy(CORE + ".metrics..", CORE + ".actuate..")
                .layer("template").definedBy(CORE + ".template..")
                .layer("scheduling").definedBy(CORE + ".scheduling..")
                .layer("listener").definedBy(CORE + ".listener..")
                .layer("core").definedBy(CORE, CORE + ".proxy..", CORE + ".zap..", CORE + ".request..", CORE + ".internal..")
                .whereLayer("autoconfigure").mayNotBeAccessedByAnyLayer()
                .whereLayer("metrics and actuate").mayOnlyBeAccessedByLayers("autoconfigure")
                .whereLayer("template").mayOnlyBeAccessedByLayers("metrics and actuate", "autoconfigure")
                .whereLayer("scheduling").mayOnlyBeAccessedByLayers("metrics and actuate", "autoconfigure")
                .whereLayer("listener").mayOnlyBeAccessedByLayers("template", "scheduling", "metrics and actuate", "autoconfigure");
    }

    static ArchRule coreFreeOfSpring() {
        return noClasses().that().resideInAnyPackage(CORE, CORE + ".proxy..", CORE + ".zap..", CORE + ".request..", CORE + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.micrometer..");
    }

    private static void check(ArchRule rule) {
        rule.check(CLASSES);
    }
}

package io.zmqstream.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The peers work in a plain Java test, whose classpath has neither Spring nor (until JSON is
 * used) Jackson: the module's Spring and Jackson dependencies are optional, so its root package
 * may use Spring nowhere and Jackson only in the class loaded when JSON is first used.
 */
class PlainJavaPeersTest {

    private static final JavaClasses PEERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.zmqstream.test");

    @Test
    void thePeersUseNoSpring() {
        noClasses().that().resideInAPackage("io.zmqstream.test").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.zmqstream.listener..", "io.zmqstream.autoconfigure..")
                .check(PEERS);
    }

    @Test
    void onlyTheJacksonCodecUsesJackson() {
        noClasses().that().resideInAPackage("io.zmqstream.test").and().doNotHaveSimpleName("JacksonPeerJson")
                .should().dependOnClassesThat().resideInAPackage("tools.jackson..").check(PEERS);
    }
}

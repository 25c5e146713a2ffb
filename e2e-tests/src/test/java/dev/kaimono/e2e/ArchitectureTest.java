package dev.kaimono.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The rules that keep the services independent, checked over the compiled classes of every module:
 * no service uses another service's code, contracts carry no framework types, domain rings stay plain.
 */
class ArchitectureTest {

    private static final List<String> SERVICES =
            List.of("user", "catalog", "order", "inventory", "payment", "shipping", "gateway");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static JavaClasses classes;

    @BeforeAll
    static void importAllModules() {
        List<Path> outputs = SERVICES.stream().map(service -> ROOT.resolve(service + "-service/target/classes"))
                .toList();
        outputs.forEach(output -> {
            if (!Files.isDirectory(output)) {
                throw new IllegalStateException(output + " is missing: build the services first (./mvnw -B verify)");
            }
        });
        classes = new ClassFileImporter().importPaths(
                java.util.stream.Stream.concat(outputs.stream(), java.util.stream.Stream.of(ROOT.resolve("shared-events/target/classes"),
                        ROOT.resolve("service-runtime/target/classes"))).toList());
    }

    @TestFactory
    List<DynamicTest> noServiceDependsOnAnotherService() {
        return SERVICES.stream().map(service -> DynamicTest.dynamicTest(service + "-service uses no other service's code", () ->
                noClasses().that().resideInAPackage("dev.kaimono." + service + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                                .filter(other -> !other.equals(service))
                                .map(other -> "dev.kaimono." + other + "..")
                                .toArray(String[]::new))
                        .check(classes)))
                .toList();
    }

    @Test
    void servicesAreImported() {
        for (String service : SERVICES) {
            org.assertj.core.api.Assertions.assertThat(classes.containPackage("dev.kaimono." + service))
                    .as("classes of %s-service were imported", service).isTrue();
        }
    }

    @Test
    void contractsUseNoFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.kaimono.events")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.kaimono.events")
                .check(classes);
    }

    /** shared-events holds the contracts (records, envelope, codec); the plumbing lives in service-runtime. */
    @Test
    void contractsKnowNoPlumbing() {
        noClasses().that().resideInAPackage("dev.kaimono.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "com.rabbitmq..",
                        "io.micrometer..", "dev.kaimono.messaging..", "dev.kaimono.runtime..")
                .check(classes);
    }

    @Test
    void theRuntimeUsesNoServiceCode() {
        noClasses().that().resideInAnyPackage("dev.kaimono.messaging..", "dev.kaimono.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(service -> "dev.kaimono." + service + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void domainRingsImportNoSpringJpaJacksonOrAmqp() {
        noClasses().that().resideInAPackage("dev.kaimono.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.fasterxml.jackson..", "tools.jackson..", "com.rabbitmq..")
                .allowEmptyShould(true)
                .check(classes);
    }
}

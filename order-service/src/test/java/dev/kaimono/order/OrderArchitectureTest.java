package dev.kaimono.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rings of order-service: a plain domain, and a use-case layer that knows no adapter. */
class OrderArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kaimono.order");

    @Test
    void theDomainUsesNoFrameworkAndNoIntegrationContract() {
        noClasses().that().resideInAPackage("dev.kaimono.order.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "com.fasterxml.jackson..", "tools.jackson..", "com.rabbitmq..", "io.micrometer..",
                        "dev.kaimono.events..", "dev.kaimono.messaging..",
                        "dev.kaimono.order.application..", "dev.kaimono.order.web..")
                .check(CLASSES);
    }

    @Test
    void useCasesDependOnPortsNotOnAdapters() {
        noClasses().that().resideInAPackage("dev.kaimono.order.application..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kaimono.order.web..", "dev.kaimono.order.eventstore..",
                        "dev.kaimono.order.projection..", "dev.kaimono.order.persistence..", "dev.kaimono.order.catalog..",
                        "dev.kaimono.order.messaging..", "dev.kaimono.events..", "dev.kaimono.messaging..")
                .check(CLASSES);
    }
}

package dev.kaimono.shipping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rings of shipping-service: a plain domain at the centre, use cases around it, adapters outside. */
class ShippingArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importShippingService() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kaimono.shipping");
    }

    @Test
    void theDomainUsesNoFrameworkMessagingOrContractTypes() {
        noClasses().that().resideInAPackage("dev.kaimono.shipping.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "com.fasterxml.jackson..", "tools.jackson..", "com.rabbitmq..", "io.micrometer..",
                        "dev.kaimono.events..", "dev.kaimono.messaging..", "dev.kaimono.shipping.application..",
                        "dev.kaimono.shipping.persistence..", "dev.kaimono.shipping.messaging..",
                        "dev.kaimono.shipping.web..", "dev.kaimono.shipping.config..")
                .check(classes);
    }

    @Test
    void useCasesKnowNoAdapter() {
        noClasses().that().resideInAPackage("dev.kaimono.shipping.application..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kaimono.shipping.persistence..",
                        "dev.kaimono.shipping.messaging..", "dev.kaimono.shipping.web..", "dev.kaimono.shipping.config..",
                        "dev.kaimono.events..", "dev.kaimono.messaging..")
                .check(classes);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        String[] adapters = {"dev.kaimono.shipping.persistence..", "dev.kaimono.shipping.messaging..",
                "dev.kaimono.shipping.web.."};
        for (String adapter : adapters) {
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.stream(adapters)
                            .filter(other -> !other.equals(adapter)).toArray(String[]::new))
                    .check(classes);
        }
    }
}

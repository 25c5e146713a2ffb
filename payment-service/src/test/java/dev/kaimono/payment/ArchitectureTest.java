package dev.kaimono.payment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rings of payment-service: a plain-Java domain, use cases around it, adapters that never use each other. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importPaymentService() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kaimono.payment");
    }

    @Test
    void domainImportsNoSpringJpaJacksonOrAmqp() {
        noClasses().that().resideInAPackage("dev.kaimono.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "com.fasterxml.jackson..", "tools.jackson..", "com.rabbitmq..", "org.springframework.amqp..")
                .check(classes);
    }

    @Test
    void domainKnowsNoIntegrationContractsOrMessagingPlumbing() {
        noClasses().that().resideInAPackage("dev.kaimono.payment.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kaimono.events..", "dev.kaimono.messaging..",
                        "dev.kaimono.runtime..")
                .check(classes);
    }

    @Test
    void ringsDependInwardAndAdaptersNeverOnEachOther() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("dev.kaimono.payment.domain..")
                .layer("application").definedBy("dev.kaimono.payment.application..")
                .layer("web").definedBy("dev.kaimono.payment.web..")
                .layer("messaging").definedBy("dev.kaimono.payment.messaging..")
                .layer("persistence").definedBy("dev.kaimono.payment.persistence..")
                .layer("simulation").definedBy("dev.kaimono.payment.simulation..")
                .layer("config").definedBy("dev.kaimono.payment.config..")
                .whereLayer("config").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
                .whereLayer("simulation").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "config", "persistence", "simulation")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "web", "messaging", "persistence", "simulation")
                .check(classes);
    }
}

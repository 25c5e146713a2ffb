package dev.kaimono.inventory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The rings of inventory-service: a plain domain in the middle, use cases around it, adapters outside. */
class InventoryArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importInventory() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kaimono.inventory");
    }

    @Test
    void theDomainUsesNoFrameworkTypes() {
        noClasses().that().resideInAPackage("dev.kaimono.inventory.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.kaimono.inventory.domain..")
                .check(classes);
    }

    @Test
    void adaptersDependOnTheUseCasesAndTheDomainButNotOnEachOther() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("dev.kaimono.inventory.config..")
                .layer("web").definedBy("dev.kaimono.inventory.web..")
                .layer("grpc").definedBy("dev.kaimono.inventory.grpc..")
                .layer("messaging").definedBy("dev.kaimono.inventory.messaging..")
                .layer("persistence").definedBy("dev.kaimono.inventory.persistence..")
                .layer("application").definedBy("dev.kaimono.inventory.application..")
                .layer("domain").definedBy("dev.kaimono.inventory.domain..")
                .whereLayer("config").mayNotBeAccessedByAnyLayer()
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("grpc").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("config", "web", "grpc", "messaging", "persistence")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "web", "grpc", "messaging", "persistence")
                .check(classes);
    }
}

package org.soteria.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of ENGINEERING.md: package by feature, no cycles, repositories private to their feature. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.soteria");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.soteria.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").should().bePackagePrivate().check(CLASSES);
    }

    @Test
    void controllersAndApisAreNotCalledByOtherCode() {
        noClasses().should().dependOnClassesThat(
                com.tngtech.archunit.base.DescribedPredicate.describe("Soteria controllers or APIs",
                        c -> c.getPackageName().startsWith("org.soteria")
                                && (c.getSimpleName().endsWith("Controller") || c.getSimpleName().endsWith("Api"))))
                .check(CLASSES);
    }

    @Test
    void featuresDoNotReachIntoTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("org.soteria.cli..", "org.soteria")
                .should().dependOnClassesThat().resideInAPackage("org.soteria.cli..").check(CLASSES);
    }

    @Test
    void referenceCodesDependOnNoFeature() {
        noClasses().that().resideInAPackage("org.soteria.reference..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.soteria.reference..", "java..")
                .check(CLASSES);
    }
}

package dev.singletable;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is a separate product that happens to ship in the same jar: it depends on nothing of the service, and the
 * service reaches it only through the AWS SDK interfaces built by its store wiring. (How the service's own modules
 * depend on each other is {@code ModulesTest}'s: Spring Modulith verifies the dependencies each module declares.)
 */
@AnalyzeClasses(packages = "dev.singletable", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNothingOfTheService = noClasses()
            .that().resideInAPackage("dev.singletable.engine..")
            .should().dependOnClassesThat(resideInAPackage("dev.singletable..")
                    .and(not(resideInAPackage("dev.singletable.engine.."))));

    @ArchTest
    static final ArchRule engineUsesOnlyItsOwnLibraries = classes()
            .that().resideInAPackage("dev.singletable.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.singletable.engine..", "java..", "javax..",
                    "software.amazon.awssdk..", "io.netty..", "com.fasterxml.jackson..", "org.slf4j..",
                    "org.jspecify..");

    @ArchTest
    static final ArchRule serviceReachesTheEngineOnlyThroughItsConfiguration = noClasses()
            .that().resideOutsideOfPackage("dev.singletable.engine..")
            .and().doNotHaveFullyQualifiedName("dev.singletable.table.DynamoDbConfiguration")
            .and().doNotHaveFullyQualifiedName("dev.singletable.table.EngineConfiguration")
            .should().dependOnClassesThat().resideInAPackage("dev.singletable.engine..");

}

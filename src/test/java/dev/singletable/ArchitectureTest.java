package dev.singletable;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The engine is a separate product that happens to ship in the same jar: it depends on nothing of the service, and the
 * service reaches it only through the AWS SDK interfaces built by its store wiring. (How the service's own modules
 * depend on each other is {@code ModulesTest}'s: Spring Modulith verifies the dependencies each module declares.)
 */
@AnalyzeClasses(packages = "dev.singletable", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineDependsOnNothingOfTheService = noClasses()
            .that()
            .resideInAPackage("dev.singletable.engine..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("dev.singletable..").and(not(resideInAPackage("dev.singletable.engine.."))));

    @ArchTest
    static final ArchRule engineUsesOnlyItsOwnLibraries = classes()
            .that()
            .resideInAPackage("dev.singletable.engine..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "dev.singletable.engine..",
                    "java..",
                    "javax..",
                    "software.amazon.awssdk..",
                    "io.netty..",
                    "com.fasterxml.jackson..",
                    "org.slf4j..",
                    "org.jspecify..");

    @ArchTest
    static final ArchRule serviceReachesTheEngineOnlyThroughItsConfiguration = noClasses()
            .that()
            .resideOutsideOfPackage("dev.singletable.engine..")
            .and()
            .doNotHaveFullyQualifiedName("dev.singletable.table.DynamoDbConfiguration")
            .and()
            .doNotHaveFullyQualifiedName("dev.singletable.table.EngineConfiguration")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.singletable.engine..");

    /**
     * No package of the engine depends, even through others, on a package that depends back on it. The root package
     * {@code dev.singletable.engine} (the engines a user opens) is a slice of its own: {@code matching("..(*)..")}
     * would leave it out and hide the cycles that run through it.
     */
    @ArchTest
    static final ArchRule enginePackagesAreFreeOfCycles = slices().assignedFrom(new SliceAssignment() {
                private static final String ENGINE = "dev.singletable.engine";

                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    if (name.equals(ENGINE)) {
                        return SliceIdentifier.of("engine (root)");
                    }
                    if (!name.startsWith(ENGINE + ".")) {
                        return SliceIdentifier.ignore();
                    }
                    String rest = name.substring(ENGINE.length() + 1);
                    int dot = rest.indexOf('.');
                    return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
                }

                @Override
                public String getDescription() {
                    return "the packages of " + ENGINE + " (its root package a slice of its own)";
                }
            })
            .should()
            .beFreeOfCycles();
}

package dev.singletable.engine;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * No package of the engine depends, even through others, on a package that depends back on it. The root package
 * {@code dev.singletable.engine} (the engines a user opens) is a slice of its own: ArchUnit's {@code matching("..(*)..")}
 * would leave it out and hide the cycles that run through it.
 */
class EnginePackageCyclesTest {

    private static final String ENGINE = "dev.singletable.engine";

    /** Each direct subpackage of the engine is one slice, and the root package one more. */
    static final SliceAssignment ENGINE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(ENGINE)) {
                return SliceIdentifier.of("engine (root)");
            }
            if (name.startsWith(ENGINE + ".")) {
                String rest = name.substring(ENGINE.length() + 1);
                int dot = rest.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + ENGINE + " (its root package a slice of its own)";
        }
    };

    @Test
    void enginePackagesAreFreeOfCycles() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ENGINE);
        slices().assignedFrom(ENGINE_PACKAGES).should().beFreeOfCycles().check(engine);
    }
}

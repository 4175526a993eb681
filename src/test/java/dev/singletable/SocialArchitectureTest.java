package dev.singletable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.singletable.explorer.TableExplorer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The social features' design rules: every access pattern is a GetItem or a Query (never a Scan), and the table
 * plumbing knows nothing of the features built on it.
 */
@AnalyzeClasses(packages = "dev.singletable", importOptions = ImportOption.DoNotIncludeTests.class)
class SocialArchitectureTest {

    /**
     * The one exception is the admin table explorer ({@link TableExplorer}): showing every item of the table is its
     * whole purpose, it is read-only and admin-only, and it serves no access pattern of the service.
     */
    @ArchTest
    static final ArchRule theServiceNeverScans = noClasses()
            .that().resideOutsideOfPackage("dev.singletable.engine..")
            .and().doNotHaveFullyQualifiedName(TableExplorer.class.getName())
            .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.base.DescribedPredicate.describe("a Scan", target ->
                            target.getName().equals("scan") || target.getName().equals("scanPaginator"))
            ).and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(DynamoDbClient.class)
                                    .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(DynamoDbTable.class))
                                    .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(DynamoDbIndex.class))))))
            .because("every access pattern is served by a GetItem or a Query");

    @ArchTest
    static final ArchRule tablePlumbingKnowsNoFeature = noClasses()
            .that().resideInAPackage("dev.singletable.table..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.singletable.users..", "dev.singletable.sessions..",
                    "dev.singletable.follows..", "dev.singletable.tweets..", "dev.singletable.likes..",
                    "dev.singletable.web..");
}

package dev.singletable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The features' design rule: every access pattern is a GetItem or a Query, never a Scan. (That the table plumbing knows
 * nothing of the features built on it is {@code ModulesTest}'s: the table module declares no feature dependency.)
 */
@AnalyzeClasses(packages = "dev.singletable", importOptions = ImportOption.DoNotIncludeTests.class)
class SocialArchitectureTest {

    static final String TABLE_EXPLORER = "dev.singletable.explorer.TableExplorer";

    static final String READ_CACHE = "dev.singletable.table.cache.DaxStyleCache";

    /**
     * The one exception is the admin table explorer ({@value #TABLE_EXPLORER}): showing every item of the table is its
     * whole purpose, it is read-only and admin-only, and it serves no access pattern of the service. The DAX-style
     * read cache ({@value #READ_CACHE}) is a {@code DynamoDbClient} decorator: it forwards (and caches, as DAX's query
     * cache does) the Scans its callers make, and makes none of its own.
     */
    @ArchTest
    static final ArchRule theServiceNeverScans = noClasses()
            .that()
            .resideOutsideOfPackage("dev.singletable.engine..")
            .and()
            .doNotHaveFullyQualifiedName(TABLE_EXPLORER)
            .and()
            .doNotHaveFullyQualifiedName(READ_CACHE)
            .should()
            .callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.base.DescribedPredicate.describe(
                                    "a Scan",
                                    target -> target.getName().equals("scan")
                                            || target.getName().equals("scanPaginator")))
                    .and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                    DynamoDbClient.class)
                                            .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                    DynamoDbTable.class))
                                            .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                                    DynamoDbIndex.class))))))
            .because("every access pattern is served by a GetItem or a Query");
}

package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * ReturnValues NONE / ALL_OLD / UPDATED_OLD / ALL_NEW / UPDATED_NEW on every write, nested paths included, and
 * ReturnValuesOnConditionCheckFailure putting the old item into the ConditionalCheckFailedException.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnValuesTest extends DifferentialTest {

    private static final String[] MODES = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};
    private final AtomicInteger ids = new AtomicInteger();
    private String table;

    @BeforeAll
    void createTable() {
        table = hashTable("pk", ScalarAttributeType.S);
    }

    private String freshRichItem() {
        String pk = "rv" + ids.incrementAndGet();
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem(pk))));
        return pk;
    }

    private static UpdateItemRequest update(String pk, String tableName, String expression, String mode) {
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of("pk", AttributeValue.fromS(pk)))
                .updateExpression(expression)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, expression))
                .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, expression))
                .returnValues(mode)
                .build();
    }

    /** Updates of top-level attributes only: both engines return whole attributes. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET a = :one",
                "SET n = n + :one",
                "SET l = list_append(l, :list2)",
                "REMOVE s",
                "REMOVE missing",
                "ADD n :one",
                "ADD ss :ssc",
                "ADD newset :ssa",
                "DELETE ss :ssa",
                "DELETE ss :ss",
                "SET s = :abc",
                "SET a = :one REMOVE s ADD n :one DELETE ns :ns1",
                "SET #dot = :one",
                "SET q = if_not_exists(q, :one)",
                "SET n = if_not_exists(n, :one)",
                "SET m = :map2",
                "REMOVE m, l",
                "SET s = s"
            })
    void everyModeOfUpdateItem(String expression) {
        for (String mode : MODES) {
            String pk = freshRichItem();
            same(c -> c.updateItem(update(pk, table, expression, mode)));
        }
    }

    /**
     * Updates of nested paths. AWS returns, for UPDATED_OLD and UPDATED_NEW, only the updated fragments of a map or
     * list (UPDATED_NEW leaving out removed paths); DynamoDB Local returns the whole top-level attributes. The
     * expected answer is what DynamoDB Local itself projects for those paths before and after the update.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SET m.a = :two|m.a|m.a",
                "SET m.b.c = :abc|m.b.c|m.b.c",
                "SET m.nw = :one|m.nw|m.nw",
                "SET l[1] = :abc|l[1]|l[1]",
                "SET l[2].a = :two|l[2].a|l[2].a",
                "REMOVE m.a|m.a|",
                "SET m.b.c = :x, l[0] = :one|m.b.c, l[0]|m.b.c, l[0]",
                "SET m.#list[1] = :five, m.#list[0] = :four|m.#list[1], m.#list[0]|m.#list[1], m.#list[0]",
                "REMOVE m.b.c, l[3][1]|m.b.c, l[3][1]|",
                "ADD m.s :ssc|m.s|m.s",
                "DELETE m.s :ssa|m.s|m.s",
                "SET m.a = m.a + :one, s = :x|m.a, s|m.a, s",
                "SET l[3][0] = :abc REMOVE m.b|l[3][0], m.b|l[3][0]"
            })
    void updatedModesReturnOnlyTheUpdatedFragments(String expression, String oldPaths, String newPaths) {
        for (String mode : new String[] {"NONE", "ALL_OLD", "ALL_NEW"}) {
            String pk = freshRichItem();
            same(c -> c.updateItem(update(pk, table, expression, mode)));
        }
        for (String mode : new String[] {"UPDATED_OLD", "UPDATED_NEW"}) {
            String pk = freshRichItem();
            String paths = mode.equals("UPDATED_OLD") ? oldPaths : newPaths;
            Map<String, AttributeValue> before = projected(pk, oldPaths);
            local.updateItem(update(pk, table, expression, "NONE"));
            Map<String, AttributeValue> expected = mode.equals("UPDATED_OLD") ? before : projected(pk, paths);
            Outcome mine = oursOnly(c -> c.updateItem(update(pk, table, expression, mode)));
            assertThat(mine.value())
                    .as("%s %s", expression, mode)
                    .isEqualTo(Outcome.render(
                            expected.isEmpty()
                                    ? UpdateItemResponse.builder().build()
                                    : UpdateItemResponse.builder()
                                            .attributes(expected)
                                            .build(),
                            VOLATILE));
        }
    }

    /** The item's values at the given paths, as DynamoDB Local projects them. */
    private Map<String, AttributeValue> projected(String pk, String paths) {
        if (paths == null || paths.isBlank()) {
            return Map.of();
        }
        var item = local.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", s(pk)))
                        .consistentRead(true)
                        .projectionExpression(paths)
                        .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, paths)))
                .item();
        return item == null ? Map.of() : item;
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
    void updateModesOnAMissingItem(String mode) {
        String pk = "fresh" + ids.incrementAndGet();
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .updateExpression("SET a = :one")
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(mode)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "ALL_OLD"})
    void putAndDeleteModes(String mode) {
        String pk = "pd" + ids.incrementAndGet();
        same(c -> c.putItem(
                r -> r.tableName(table).item(Map.of("pk", s(pk), "v", n("1"))).returnValues(mode)));
        same(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem(pk)).returnValues(mode)));
        same(c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).returnValues(mode)));
        same(c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).returnValues(mode)));
    }

    /** DynamoDB Local answers "Return values set to invalid value". */
    @ParameterizedTest
    @ValueSource(strings = {"UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"})
    void putAndDeleteRefuseTheUpdateModes(String mode) {
        awsDiffers(
                c -> c.putItem(
                        r -> r.tableName(table).item(Map.of("pk", s("x"))).returnValues(mode)),
                "ValidationException",
                "ReturnValues can only be ALL_OLD or NONE");
        awsDiffers(
                c -> c.deleteItem(
                        r -> r.tableName(table).key(Map.of("pk", s("x"))).returnValues(mode)),
                "ValidationException",
                "ReturnValues can only be ALL_OLD or NONE");
    }

    /** DynamoDB Local answers "Return values set to invalid value"; AWS checks the enum with its Smithy wording. */
    @Test
    void unknownModesAreShapeErrors() {
        String enumValues = "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]";
        awsDiffers(
                c -> c.putItem(
                        r -> r.tableName(table).item(Map.of("pk", s("x"))).returnValues("EVERYTHING")),
                "ValidationException",
                "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to " + "satisfy constraint: "
                        + enumValues);
        awsDiffers(
                c -> c.updateItem(
                        r -> r.tableName(table).key(Map.of("pk", s("x"))).returnValues("all_new")),
                "ValidationException",
                "1 validation error detected: Value 'all_new' at 'returnValues' failed to " + "satisfy constraint: "
                        + enumValues);
        Outcome onFailure = oursOnly(c -> c.putItem(
                r -> r.tableName(table).item(Map.of("pk", s("x"))).returnValuesOnConditionCheckFailure("ALL_NEW")));
        assertThat(onFailure.message())
                .isEqualTo("1 validation error detected: Value 'ALL_NEW' at "
                        + "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [ALL_OLD, NONE]");
    }

    @ParameterizedTest
    @CsvSource({"ALL_OLD,true", "NONE,true", "ALL_OLD,false", "NONE,false"})
    void conditionFailuresCarryTheOldItemWhenAsked(String mode, boolean exists) {
        String pk = "ccf" + ids.incrementAndGet();
        if (exists) {
            onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem(pk))));
        }
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s(pk)))
                .conditionExpression("n = :six")
                .expressionAttributeValues(Map.of(":six", n("6")))
                .returnValuesOnConditionCheckFailure(mode)));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .conditionExpression("n = :six")
                .updateExpression("SET a = :six")
                .expressionAttributeValues(Map.of(":six", n("6")))
                .returnValues("ALL_NEW")
                .returnValuesOnConditionCheckFailure(mode)));
        same(c -> c.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .conditionExpression("n = :six")
                .expressionAttributeValues(Map.of(":six", n("6")))
                .returnValuesOnConditionCheckFailure(mode)
                .returnValues("ALL_OLD")));
    }
}

package dev.singletable.engine.table;

import static dev.singletable.engine.table.Requests.onDemand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/** UpdateTimeToLive / DescribeTimeToLive and TagResource / UntagResource / ListTagsOfResource rules. */
class TimeToLiveAndTagsTest {

    private static final TableDefinition TABLE = TableRequests.create(onDemand().build(), Instant.EPOCH);

    private static UpdateTimeToLiveRequest ttl(boolean enabled, String attribute) {
        return UpdateTimeToLiveRequest.builder()
                .tableName("tbl")
                .timeToLiveSpecification(s -> s.enabled(enabled).attributeName(attribute))
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static void assertValidation(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void ttlStartsDisabled() {
        assertThat(TableRequests.describeTtl(TABLE).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(TableRequests.describeTtl(TABLE).attributeName()).isNull();
        assertThat(TABLE.activeTtlAttribute()).isNull();
    }

    @Test
    void enableAndDisable() {
        TableDefinition enabled = TableRequests.withTtl(TABLE, ttl(true, "expires"));
        assertThat(TableRequests.describeTtl(enabled).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(TableRequests.describeTtl(enabled).attributeName()).isEqualTo("expires");
        assertThat(enabled.activeTtlAttribute()).isEqualTo("expires");

        TableDefinition disabled = TableRequests.withTtl(enabled, ttl(false, "expires"));
        assertThat(disabled.ttlStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(disabled.activeTtlAttribute()).isNull();
    }

    @Test
    void ttlErrors() {
        TableDefinition enabled = TableRequests.withTtl(TABLE, ttl(true, "ttl"));
        assertValidation(() -> TableRequests.withTtl(enabled, ttl(true, "ttl")), "TimeToLive is already enabled");
        assertValidation(
                () -> TableRequests.withTtl(enabled, ttl(true, "other")),
                "TimeToLive is active on a different AttributeName: current AttributeName is ttl");
        assertValidation(
                () -> TableRequests.withTtl(enabled, ttl(false, "other")),
                "TimeToLive is active on a different AttributeName: current AttributeName is ttl");
        assertValidation(() -> TableRequests.withTtl(TABLE, ttl(false, "ttl")), "TimeToLive is already disabled");
        assertValidation(
                () -> TableRequests.withTtl(TABLE, ttl(true, "")),
                "1 validation error detected: Value '' at "
                        + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length "
                        + "greater than or equal to 1");
    }

    @Test
    void tagAddOverwriteRemoveList() {
        TableDefinition tagged = TableRequests.withTags(TABLE, List.of(tag("a", "1"), tag("b", "2")));
        TableDefinition overwritten = TableRequests.withTags(tagged, List.of(tag("a", "9"), tag("c", "")));
        assertThat(TableRequests.listTags(overwritten)).containsExactly(tag("a", "9"), tag("b", "2"), tag("c", ""));
        TableDefinition removed = TableRequests.withoutTags(overwritten, List.of("a", "missing"));
        assertThat(removed.tags()).containsOnlyKeys("b", "c");
        assertThat(TableRequests.listTags(TABLE)).isEmpty();
    }

    @Test
    void tagKeyAndValueRules() {
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of()), "Atleast one Tag needs to be provided as Input.");
        assertValidation(
                () -> TableRequests.withoutTags(TABLE, List.of()),
                "Atleast one Tag Key needs to be provided as Input.");
        String longKey = "k".repeat(129);
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag(longKey, "v"))),
                "The Tag Key provided is invalid, Key: " + longKey);
        TableRequests.withTags(TABLE, List.of(tag("k".repeat(128), "v".repeat(256))));
        String longValue = "v".repeat(257);
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("k", longValue))),
                "The Tag Value provided is invalid, Value: " + longValue);
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("", "v"))), "The Tag Key provided is invalid, Key: ");
        assertValidation(
                () -> TableRequests.withTags(
                        TABLE, List.of(Tag.builder().value("v").build())),
                "The Tag Key provided is invalid, Key: null");
        assertValidation(
                () -> TableRequests.withTags(
                        TABLE, List.of(Tag.builder().key("k").build())),
                "The Tag Value provided is invalid, Value: null");
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("ok", "v"), tag("aws:zzz", "v"))),
                "Tag Key cannot be prefixed with aws:, Key: aws:zzz");
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("dup", "1"), tag("dup", "2"))),
                "Duplicate Tag Keys provided as input: Duplicate Tag Key found dup");
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("a#b", "v"))),
                "The Tag Key provided is invalid, Key: a#b");
        assertValidation(
                () -> TableRequests.withTags(TABLE, List.of(tag("k", "100%"))),
                "The Tag Value provided is invalid, Value: 100%");
        TableRequests.withTags(TABLE, List.of(tag("ключ café 表", "a+b-c=d.e_f:g/h@i")));
        assertValidation(
                () -> TableRequests.withoutTags(TABLE, List.of(longKey)),
                "The Tag Key provided is invalid, Key: " + longKey);
    }

    @Test
    void atMostFiftyTags() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag("k" + i, "v"));
        }
        TableDefinition full = TableRequests.withTags(TABLE, fifty);
        assertThat(full.tags()).hasSize(50);
        TableRequests.withTags(full, List.of(tag("k0", "overwrite")));
        assertValidation(
                () -> TableRequests.withTags(full, List.of(tag("one-more", "v"))),
                "Number of Tags exceed the current limit for the provided ResourceArn");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            keys.add("k" + i);
        }
        assertValidation(
                () -> TableRequests.withoutTags(full, keys),
                "Number of Tags exceed the current limit for the provided ResourceArn");
    }
}

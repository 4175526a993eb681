package dev.singletable.engine.table;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.validation.RequestShapes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * The control-plane rules of DynamoDB: turns CreateTable / UpdateTable / UpdateTimeToLive / TagResource /
 * UntagResource requests into new {@link TableDefinition}s, or throws the exception AWS would, with AWS's message.
 * Request-shape checks (lengths, patterns, enums, ranges) belong to
 * {@code dev.singletable.engine.validation.RequestShapes}, which runs first (create/update/withTtl run it again
 * themselves, so they are safe to call on unvalidated requests); these are the semantic checks after it.
 *
 * <p>Lifecycle left to the catalog: table status (CREATING/ACTIVE/UPDATING/DELETING) and ResourceInUse/NotFound
 * errors; a GSI added by {@link #update} comes back CREATING (backfill it, then
 * {@link TableDefinition#withIndexStatus}(name, ACTIVE, false)); a deleted GSI comes back DELETING (drop its data, then
 * {@link TableDefinition#withoutIndex}).
 */
public final class TableRequests {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    private TableRequests() {}

    /** Full validation of a CreateTableRequest; returns the new definition (its status is the catalog's business). */
    public static TableDefinition create(CreateTableRequest req, Instant now, String region, String accountId) {
        RequestShapes.validate(req);
        return CreateTableRules.create(req, now, region, accountId);
    }

    public static TableDefinition create(CreateTableRequest req, Instant now) {
        return create(req, now, DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    /** Validates an UpdateTableRequest against the current definition and returns the updated definition. */
    public static TableDefinition update(TableDefinition current, UpdateTableRequest req, Instant now) {
        RequestShapes.validate(req);
        return UpdateTableRules.update(current, req, now);
    }

    /** Refuses DeleteTable while deletion protection is on, with AWS's message. */
    public static void checkDeletable(TableDefinition current) {
        if (current.deletionProtectionEnabled()) {
            throw EngineErrors.validation("Resource cannot be deleted as it is currently protected against deletion. "
                    + "Disable deletion protection first.");
        }
    }

    /** UpdateTimeToLive: validates against the current TTL settings and returns the updated definition. */
    public static TableDefinition withTtl(TableDefinition current, UpdateTimeToLiveRequest req) {
        RequestShapes.validate(req);
        return TimeToLive.apply(current, req.timeToLiveSpecification());
    }

    /** DescribeTimeToLive output for the table. */
    public static TimeToLiveDescription describeTtl(TableDefinition current) {
        return TimeToLive.describe(current);
    }

    /** TagResource: adds or overwrites tags, enforcing DynamoDB's tag limits. */
    public static TableDefinition withTags(TableDefinition current, List<Tag> tags) {
        Tags.requireSome(tags == null ? List.of() : tags);
        TableDefinition.Builder b = current.toBuilder();
        b.tags = Tags.merge(current.tags(), tags);
        return b.build();
    }

    /** UntagResource: removes the given tag keys (absent keys are ignored, as in DynamoDB). */
    public static TableDefinition withoutTags(TableDefinition current, List<String> tagKeys) {
        TableDefinition.Builder b = current.toBuilder();
        b.tags = Tags.remove(current.tags(), tagKeys == null ? List.of() : tagKeys);
        return b.build();
    }

    /** ListTagsOfResource: the table's tags as SDK Tag objects, in insertion order. */
    public static List<Tag> listTags(TableDefinition current) {
        List<Tag> tags = new ArrayList<>();
        current.tags()
                .forEach((key, value) ->
                        tags.add(Tag.builder().key(key).value(value).build()));
        return tags;
    }
}

package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Empty strings, empty structures and empty entries in control-plane requests, each answered with the exact text the
 * real service gave a public probe (aws-controllers-k8s/dynamodb-controller's API-quirks lab, finding DDB-TABLE-457,
 * https://github.com/aws-controllers-k8s/dynamodb-controller/blob/4534c4f1fe6b8d590bf14e64e86169320a116a1f/docs/api-quirks/details/DDB-TABLE-457.md).
 * Where AWS's validator reports a member's constraints or a structure's members in an order of its own, or answers
 * with a hand-written sentence instead of the API model's constraint, these assert AWS's answer; DynamoDB Local 2.6.1
 * answers most of them in its own words, so only ours is checked.
 */
class DegenerateInputTest extends DifferentialTest {

    private static final String ONE = "1 validation error detected: ";
    private static final String TWO = "2 validation errors detected: ";

    private void aws(Function<DynamoDbClient, ?> call, String message) {
        Outcome outcome = oursOnly(call);
        assertThat(outcome.isError()).as("an error, got %s", outcome.value()).isTrue();
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.errorCode()).isEqualTo("ValidationException");
        assertThat(outcome.message()).isEqualTo(message);
    }

    /** AWS lists a member's pattern before its length for these two, and its length first for a table name. */
    @Test
    void constraintsOfOneMemberInAwsOrder() {
        String t = hashTable("pk", ScalarAttributeType.S);
        aws(
                c -> c.createBackup(r -> r.tableName(t).backupName("")),
                TWO + "Value '' at 'backupName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at "
                        + "'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        aws(
                c -> c.listTables(r -> r.exclusiveStartTableName("")),
                TWO + "Value '' at 'exclusiveStartTableName' "
                        + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value '' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater "
                        + "than or equal to 3");
        aws(
                c -> c.describeTable(r -> r.tableName("")),
                TWO + "Value '' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; Value '' at 'tableName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    /** Members of one structure in AWS's order: an attribute definition's type first, a TTL spec's name first. */
    @Test
    void membersOfOneStructureInAwsOrder() {
        String t = hashTable("pk", ScalarAttributeType.S);
        String nullDefinition = TWO + "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy "
                + "constraint: Member must not be null; Value null at 'attributeDefinitions.1.member.attributeName' "
                + "failed to satisfy constraint: Member must not be null";
        aws(
                c -> c.createTable(b -> b.tableName(uniqueName("degenerate"))
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(d -> {})
                        .keySchema(hashKey("pk"))),
                nullDefinition);
        aws(
                c -> c.updateTable(
                        r -> r.tableName(t).attributeDefinitions(d -> {}).deletionProtectionEnabled(false)),
                nullDefinition);
        aws(
                c -> c.updateTimeToLive(r -> r.tableName(t).timeToLiveSpecification(s -> {})),
                TWO + "Value null at "
                        + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null; "
                        + "Value null at 'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be "
                        + "null");
    }

    /** The stream view types in the order AWS's enum message prints them. */
    @Test
    void streamViewTypesInAwsOrder() {
        String t = hashTable("pk", ScalarAttributeType.S);
        String message = ONE + "Value '' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]";
        aws(
                c -> c.updateTable(r -> r.tableName(t)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(""))),
                message);
        aws(
                c -> c.createTable(b -> b.tableName(uniqueName("degenerate"))
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                        .keySchema(hashKey("pk"))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(""))),
                message);
    }

    /**
     * The "aws:" prefix is refused in any case and on UntagResource too; a backup's ARN is no taggable resource (the
     * same lab's DDB-TABLE-105 and DDB-BACKUP-013,
     * https://github.com/aws-controllers-k8s/dynamodb-controller/blob/4534c4f1fe6b8d590bf14e64e86169320a116a1f/docs/api-quirks/table.md
     * and .../backup.md).
     */
    @Test
    void reservedTagPrefixesAndBackupArns() {
        String t = hashTable("pk", ScalarAttributeType.S);
        String arn = ours.describeTable(r -> r.tableName(t)).table().tableArn();
        aws(
                c -> c.tagResource(
                        r -> r.resourceArn(arn).tags(g -> g.key("AWS:foo").value("x"))),
                "Tag Key cannot be prefixed with aws:, Key: AWS:foo");
        aws(
                c -> c.untagResource(r -> r.resourceArn(arn).tagKeys("aws:foo")),
                "Tag Key cannot be prefixed with aws:, Key: aws:foo");
        assertThat(ours.listTagsOfResource(r -> r.resourceArn(arn)).tags()).isEmpty();
        ours.tagResource(r -> r.resourceArn(arn).tags(g -> g.key("myaws:foo").value("x")));
        String backup = ours.createBackup(r -> r.tableName(t).backupName("tagged"))
                .backupDetails()
                .backupArn();
        String notDynamo =
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + backup;
        aws(c -> c.tagResource(r -> r.resourceArn(backup).tags(g -> g.key("k").value("v"))), notDynamo);
        aws(c -> c.listTagsOfResource(r -> r.resourceArn(backup)), notDynamo);
        aws(c -> c.untagResource(r -> r.resourceArn(backup).tagKeys("k")), notDynamo);
    }

    /**
     * Warm throughput is never lowered (the table's starts at 12000/4000 on demand) and an index's needs a value; an
     * empty KMS key id breaks the model's length bound.
     */
    @Test
    void warmThroughputAndKeyIds() {
        String t = createTable(b -> b.billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("g", ScalarAttributeType.S))
                .keySchema(hashKey("pk"))
                .globalSecondaryIndexes(
                        i -> i.indexName("gsi1").keySchema(hashKey("g")).projection(p -> p.projectionType("ALL"))));
        aws(
                c -> c.updateTable(r -> r.tableName(t)
                        .warmThroughput(w -> w.readUnitsPerSecond(0L).writeUnitsPerSecond(0L))),
                "One or more parameter values were invalid: Requested ReadUnitsPerSecond "
                        + "for WarmThroughput for table is lower than current WarmThroughput, decreasing WarmThroughput is not "
                        + "supported");
        aws(
                c -> c.updateTable(r -> r.tableName(t)
                        .globalSecondaryIndexUpdates(
                                u -> u.update(i -> i.indexName("gsi1").warmThroughput(w -> {})))),
                "One or more parameter values were invalid: WarmThroughput must have at "
                        + "least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified for index: gsi1");
        aws(
                c -> c.updateTable(r -> r.tableName(t)
                        .sseSpecification(e -> e.enabled(true).sseType("KMS").kmsMasterKeyId(""))),
                ONE + "Value '' at 'sSESpecification.kMSMasterKeyId' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
        aws(
                c -> c.describeGlobalTable(r -> r.globalTableName("")),
                "TableName must be at least 3 characters long and at most 255 characters long");
        aws(
                c -> c.describeGlobalTableSettings(r -> r.globalTableName("")),
                "TableName must be at least 3 characters long and at most 255 characters long");
    }

    /** Hand-written sentences where the API model would have a constraint message. */
    @Test
    void handWrittenSentences() {
        String t = hashTable("pk", ScalarAttributeType.S);
        aws(c -> c.describeBackup(r -> r.backupArn("")), "Invalid Backup ARN");
        String backup = ours.createBackup(r -> r.tableName(t).backupName("bk1"))
                .backupDetails()
                .backupArn();
        aws(
                c -> c.restoreTableFromBackup(r -> r.backupArn(backup).targetTableName("")),
                "TableName must be at least 3 characters long and at most 255 characters long");
        aws(
                c -> c.updateTable(r -> r.tableName(t).replicaUpdates(u -> u.create(m -> {}))),
                "One or more parameter values were invalid");
    }
}

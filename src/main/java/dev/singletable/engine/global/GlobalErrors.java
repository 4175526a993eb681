package dev.singletable.engine.global;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * DynamoDB's answers about replicas, worded as AWS words them; the error types are UpdateTable's [1]. The texts are those recorded from AWS by the AWS
 * Controllers for Kubernetes' API-quirks lab (probes of UpdateTable ReplicaUpdates, 2026-10), including AWS's own
 * typos ("Failed to create a the new replica") and quotes.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a>
 */
final class GlobalErrors {

    private GlobalErrors() {}

    static DynamoDbException onlyOperation() {
        return EngineErrors.validation("One or more parameter values were invalid: Replica modification must be the "
                + "only operation in the request");
    }

    static DynamoDbException noAction() {
        return EngineErrors.validation("There are no actions specified in the Replica Update Action of the request.");
    }

    static DynamoDbException mixedActions() {
        return EngineErrors.validation(
                "Update table operation with more than one type of replica actions not " + "allowed.");
    }

    static DynamoDbException severalCreatesOrDeletes() {
        return EngineErrors.validation(
                "Update table operation with more than one create or delete replica actions " + "not allowed");
    }

    static DynamoDbException unsupportedRegion(String region) {
        return EngineErrors.validation("Region " + region + " is not supported. The latest version of global tables "
                + "are only supported in the following regions: " + supportedRegions() + ".");
    }

    static DynamoDbException localRegion() {
        return EngineErrors.validation("Cannot add or delete the local region through ReplicaUpdates. Use "
                + "CreateTable, DeleteTable, or UpdateTable as required.");
    }

    static DynamoDbException alreadyExists(String table) {
        return EngineErrors.validation("Failed to create a the new replica of table with name: \u2018" + table
                + "\u2019 because one or more replicas already existed as tables.");
    }

    static DynamoDbException notMembers(List<String> regions) {
        return EngineErrors.validation("Update global table operation failed because one or more replicas were not "
                + "part of the global table. Please retry the request without these replicas: " + regions + ".");
    }

    static ResourceInUseException inUse() {
        return EngineErrors.resourceInUse("The resource which you are attempting to change is in use.");
    }

    static ResourceInUseException beingCreated(String table) {
        return EngineErrors.resourceInUse(
                "Attempt to change a resource which is still in use: Table: " + table + " is being used.");
    }

    static DynamoDbException notAutoScaled() {
        return EngineErrors.validation("Table write capacity should either be Pay-Per-Request or AutoScaled.");
    }

    static DynamoDbException source24Hours() {
        return EngineErrors.validation("Replica cannot be deleted because it has acted as a source region for new "
                + "replica(s) being added to the table in the last 24 hours.");
    }

    static DynamoDbException deletionProtected(String table, String region) {
        return EngineErrors.validation("Cannot delete table " + table + " in region " + region + " because it has "
                + "deletion protection enabled. Disable deletion protection first.");
    }

    static DynamoDbException kmsKeyPerReplica() {
        return EngineErrors.validation(
                "One or more parameter values were invalid: KMSMasterKeyId must be specified " + "for each replica.");
    }

    static DynamoDbException disablingStream() {
        return EngineErrors.validation("One or more parameter values were invalid: Disabling Stream is not allowed "
                + "for a Global Table replica.");
    }

    static DynamoDbException payPerRequestOverride() {
        return EngineErrors.validation("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                + "BillingMode is PAY_PER_REQUEST");
    }

    static DynamoDbException indexOverridesNotSupported() {
        return EngineErrors.validation("Replica overrides of global secondary indexes are not supported by this "
                + "engine: replicas share the table's index settings");
    }

    // ---- multi-region strong consistency

    static DynamoDbException strongReplicaCount() {
        return EngineErrors.validation(
                "Unsupported replica count for global tables with MultiRegionConsistency set " + "to STRONG.");
    }

    static DynamoDbException witnessNeedsStrong() {
        return EngineErrors.validation("MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates "
                + "parameter is present.");
    }

    static DynamoDbException sameRegionTwice() {
        return EngineErrors.validation("Cannot target multiple regions with the same action");
    }

    static DynamoDbException witnessInOwnRegion() {
        return EngineErrors.validation("Cannot add a witness in the same region as an existing replica when creating "
                + "a global table with MultiRegionConsistency set to STRONG.");
    }

    static DynamoDbException modeOnExistingTable() {
        return EngineErrors.validation("MultiRegionConsistency parameter is unsupported on existing global table");
    }

    static DynamoDbException onlyCreatesWithMode() {
        return EngineErrors.validation(
                "Only Replica Create actions are supported when MultiRegionConsistency " + "parameter is provided.");
    }

    static DynamoDbException strongNotSupported() {
        return EngineErrors.validation("Multi-Region strong consistency (MultiRegionConsistency STRONG) is not "
                + "supported by this engine: its global tables replicate with multi-Region eventual consistency "
                + "(MREC), the default");
    }

    // ---- version 2017.11.29 (legacy)

    static DynamoDbException legacyVersion() {
        return EngineErrors.validation("One or more parameter values were invalid: DynamoDB global tables version "
                + "2017.11.29 is not supported. We recommend using DynamoDB global tables version 2019.11.21, "
                + "instead of version 2017.11.29 (Legacy).");
    }

    /**
     * The legacy DescribeGlobalTable(Settings) check a name with a sentence of their own, not the model's constraints
     * ('' answers it: DDB-TABLE-457 of aws-controllers-k8s/dynamodb-controller's docs/api-quirks, a public probe of
     * the real service); a name of the right length with other characters keeps the model's pattern message.
     */
    static void checkLegacyName(String name) {
        if (name.length() < 3 || name.length() > 255) {
            throw EngineErrors.validation(
                    "TableName must be at least 3 characters long and at most 255 characters " + "long");
        }
        if (!name.matches("[a-zA-Z0-9_.-]+")) {
            throw EngineErrors.validation("1 validation error detected: Value '" + name + "' at 'globalTableName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    static DynamoDbException legacyNoDetail() {
        return EngineErrors.validation("One or more parameter values were invalid");
    }

    static GlobalTableNotFoundException globalTableNotFound(String name, boolean describe) {
        String message =
                (describe ? "Global table not found: " : "") + "Global table with name: '" + name + "' does not exist.";
        // through the shared builder step, so it carries a request id like every other error
        return (GlobalTableNotFoundException)
                EngineErrors.fill(GlobalTableNotFoundException.builder(), "GlobalTableNotFoundException", message)
                        .build();
    }

    static DynamoDbException autoScalingNotFound(String table) {
        return EngineErrors.resourceNotFound("Global table with name: '" + table + "' does not exist.");
    }

    /** AWS's commercial regions, which AWS lists when it refuses another name. */
    private static String supportedRegions() {
        TreeSet<String> names = new TreeSet<>();
        for (Region r : Region.regions()) {
            if (!r.isGlobalRegion()
                    && r.metadata() != null
                    && "aws".equals(r.metadata().partition().id())) {
                names.add(r.id());
            }
        }
        return names.toString();
    }
}

package dev.singletable.engine.core;

import dev.singletable.engine.error.EngineErrors;

/**
 * A {@code TableName} member as DynamoDB reads it: every operation that names an existing table accepts the table's
 * name or its ARN ("You can also provide the Amazon Resource Name (ARN) of the table in this parameter",
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-TableName).
 * An ARN must name a table of this engine's partition and region: AWS refuses another region or partition as a
 * ValidationException before it looks for the table (as recorded by public probes of AWS: "Invalid AWS region in
 * '&lt;arn&gt;'"). Another account's ARN is decided before the request reaches a core, as IAM decides a cross-account
 * call ({@code engine.regions.CrossAccountCalls}: refused with AWS's "Access is denied" unless the table's resource
 * policy allows the caller, and then run by the owner's core). A core holds one account's tables, so one that is
 * still handed another account's ARN (a caller that bypasses the regional clients) refuses it the same way rather
 * than read its own table of that name.
 */
final class TableNames {

    private final String region;
    private final String account;

    TableNames(String region, String account) {
        this.region = region;
        this.account = account;
    }

    /** The plain name of the table a TableName member designates. */
    String resolve(String nameOrArn) {
        if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        ResourceArn arn = ResourceArn.parse(nameOrArn);
        if (arn == null) {
            throw invalid("Invalid resource type in", nameOrArn);
        }
        if (!"aws".equals(arn.partition())) {
            throw invalid("Invalid AWS partition in", nameOrArn);
        }
        String tableName = arn.tableName(); // not null when isTable()
        if (!"dynamodb".equals(arn.service()) || !arn.isTable() || tableName == null) {
            throw invalid("Invalid resource type in", nameOrArn);
        }
        if (!region.equals(arn.region())) {
            throw invalid("Invalid AWS region in", nameOrArn);
        }
        if (!account.equals(arn.account())) {
            throw EngineErrors.accessDenied("Access is denied");
        }
        return tableName;
    }

    private static RuntimeException invalid(String what, String arn) {
        return EngineErrors.validation("1 validation error detected: " + what + " '" + arn + "'");
    }
}

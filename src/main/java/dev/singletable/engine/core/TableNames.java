package dev.singletable.engine.core;

import dev.singletable.engine.error.EngineErrors;

/**
 * A {@code TableName} member as DynamoDB reads it: every operation that names an existing table accepts the table's
 * name or its ARN ("You can also provide the Amazon Resource Name (ARN) of the table in this parameter",
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-TableName).
 * An ARN must name a table of this engine's partition, region and account: AWS refuses another region or partition
 * as a ValidationException and another account as AccessDeniedException, before it looks for the table (as
 * recorded by public probes of AWS: "Invalid AWS region in '&lt;arn&gt;'", "Access is denied").
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
        if (!"dynamodb".equals(arn.service()) || !arn.isTable()) {
            throw invalid("Invalid resource type in", nameOrArn);
        }
        if (!region.equals(arn.region())) {
            throw invalid("Invalid AWS region in", nameOrArn);
        }
        if (!account.equals(arn.account())) {
            throw EngineErrors.accessDenied("Access is denied");
        }
        return arn.tableName();
    }

    private static RuntimeException invalid(String what, String arn) {
        return EngineErrors.validation("1 validation error detected: " + what + " '" + arn + "'");
    }
}

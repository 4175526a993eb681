package dev.singletable.engine.core;

import org.jspecify.annotations.Nullable;

/**
 * An ARN split into its parts ({@code arn:partition:service:region:account:resource}), with the DynamoDB resource
 * path read as AWS lays it out: {@code table/<name>}, {@code table/<name>/index/<index>},
 * {@code table/<name>/stream/<label>}, {@code table/<name>/backup/<id>}
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies).
 * It only parses; what an operation does with a foreign region or an index ARN is the operation's business.
 *
 * @param text        the ARN as given
 * @param partition   {@code aws} for the commercial regions
 * @param service     {@code dynamodb} for DynamoDB resources
 * @param region      the region part
 * @param account     the account part
 * @param type        the first segment of the resource path ({@code table}, {@code global-table}, ...)
 * @param tableName   the table's name when the type is {@code table}, else null
 * @param subType     the segment after the table name ({@code index}, {@code stream}, {@code backup}, ...), or null
 * @param subName     what follows that segment, or null
 */
public record ResourceArn(
        String text,
        String partition,
        String service,
        String region,
        String account,
        String type,
        @Nullable String tableName,
        @Nullable String subType,
        @Nullable String subName) {

    /** The parts of an ARN, or null if it is not an ARN at all (fewer than six colon-separated parts). */
    public static @Nullable ResourceArn parse(@Nullable String text) {
        if (text == null || !text.startsWith("arn:")) {
            return null;
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return null;
        }
        String resource = parts[5];
        String[] path = resource.split("/", 4);
        String type = path[0];
        @Nullable String tableName = null;
        @Nullable String subType = null;
        @Nullable String subName = null;
        if ("table".equals(type) && path.length >= 2) {
            tableName = path[1];
            if (path.length >= 3) {
                subType = path[2];
                subName = path.length == 4 ? path[3] : "";
            }
        }
        return new ResourceArn(text, parts[1], parts[2], parts[3], parts[4], type, tableName, subType, subName);
    }

    /** Whether this names a table itself (not one of its indexes, streams or backups). */
    public boolean isTable() {
        return "dynamodb".equals(service) && tableName != null && !tableName.isEmpty() && subType == null;
    }

    /** Whether this names a table's stream. */
    public boolean isStream() {
        return "dynamodb".equals(service) && tableName != null && "stream".equals(subType);
    }

    /** Whether this names a table's index. */
    public boolean isIndex() {
        return "dynamodb".equals(service) && tableName != null && "index".equals(subType);
    }
}

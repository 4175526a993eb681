package dev.singletable.engine.table;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;

/**
 * SSESpecification rules [1]: KMS is the only explicit type; omitted or disabled means the AWS-owned key [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SSESpecification.html">SSESpecification</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html">DynamoDB encryption at rest</a>
 */
final class Encryption {

    private Encryption() {}

    /**
     * The requested settings, or null for the AWS-owned default key. {@code Enabled} may be omitted: an SSEType of
     * KMS alone turns KMS encryption on, as DynamoDB does.
     */
    static TableDefinition.@Nullable SseSettings settings(
            @Nullable SSESpecification spec, String region, String accountId) {
        if (spec == null) {
            return null;
        }
        boolean disabled = Boolean.FALSE.equals(spec.enabled());
        String type = spec.sseTypeAsString();
        if (disabled && type != null) {
            throw Invalid.parameter("SSEType can not be specified if Enabled is false");
        }
        if (disabled && spec.kmsMasterKeyId() != null) {
            throw Invalid.parameter("KMSMasterKeyId can not be specified if Enabled is false");
        }
        if (SSEType.AES256.toString().equals(type)) {
            throw Invalid.parameter("SSEType AES256 is not supported");
        }
        if (spec.kmsMasterKeyId() != null && type == null) {
            throw Invalid.parameter("SSEType KMS is required if KMSMasterKeyId is specified");
        }
        boolean kms =
                Boolean.TRUE.equals(spec.enabled()) || SSEType.KMS.toString().equals(type);
        if (!kms) {
            return null;
        }
        return new TableDefinition.SseSettings(SSEType.KMS, keyArn(spec.kmsMasterKeyId(), region, accountId));
    }

    /**
     * The key ARN DescribeTable reports. Without a real KMS, aliases and bare key ids resolve to a stable made-up key
     * in the table's region and account; full key ARNs are kept as given.
     */
    private static String keyArn(@Nullable String keyId, String region, String accountId) {
        if (keyId != null && keyId.startsWith("arn:")) {
            return keyId;
        }
        String seed = keyId == null ? "alias/aws/dynamodb" : keyId;
        String id = isUuid(seed)
                ? seed
                : UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + id;
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

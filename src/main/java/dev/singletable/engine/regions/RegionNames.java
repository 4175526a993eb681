package dev.singletable.engine.regions;

import dev.singletable.engine.error.EngineErrors;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Which region names an engine keeps tables for. Any name of lower-case letters, digits and hyphens is a region here
 * ({@code us-east-1}, and also {@code local} or {@code localhost}, which DynamoDB Local users often sign with); AWS
 * itself refuses a credential scope with anything else, and so does the engine, since the name also names the
 * region's directory.
 */
public final class RegionNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?");

    private RegionNames() {}

    public static boolean isValid(String region) {
        return region != null && NAME.matcher(region).matches();
    }

    /**
     * AWS's answer to a signature scoped to a region it does not know (the front end checks the scope before the
     * service sees the request).
     */
    public static DynamoDbException invalidScope(String region) {
        return EngineErrors.of(
                "InvalidSignatureException",
                "Credential should be scoped to a valid region, not '" + region + "'.",
                400);
    }
}

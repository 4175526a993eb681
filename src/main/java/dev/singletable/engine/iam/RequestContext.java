package dev.singletable.engine.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context IAM evaluates a statement against: the principal's keys ({@code aws:username},
 * {@code aws:userid}, {@code aws:PrincipalArn}, {@code aws:PrincipalTag/...}, ...) and the request's own
 * ({@code dynamodb:LeadingKeys}, {@code dynamodb:Attributes}, ...). Key names are case-insensitive, as IAM's are
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html); both maps are keyed in
 * lower case.
 */
public final class RequestContext {

    private final Map<String, List<String>> principalKeys;
    private final Map<String, List<String>> requestKeys;

    public RequestContext(Map<String, List<String>> principalKeys, Map<String, List<String>> requestKeys) {
        this.principalKeys = principalKeys;
        this.requestKeys = requestKeys;
    }

    /** The values of a key, or null when the request has none. */
    List<String> values(String key) {
        String k = lower(key);
        List<String> v = requestKeys.get(k);
        return v != null ? v : principalKeys.get(k);
    }

    static String lower(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (Character.isUpperCase(key.charAt(i))) {
                return key.toLowerCase(Locale.ROOT);
            }
        }
        return key;
    }
}

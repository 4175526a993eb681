package dev.singletable.engine.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request context given as two maps: the principal's keys ({@code aws:username}, {@code aws:userid},
 * {@code aws:PrincipalArn}, {@code aws:PrincipalTag/...}, ...) and the request's own ({@code dynamodb:LeadingKeys},
 * {@code dynamodb:Attributes}, ...), both keyed in lower case (IAM's key names are case-insensitive [1]). A request
 * mapped by {@link RequestAccess} is its own context ({@link AccessRequest}); this form serves requests built by hand.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS global condition context keys</a>
 */
public final class RequestContext implements ContextKeys {

    private final Map<String, List<String>> principalKeys;
    private final Map<String, List<String>> requestKeys;

    public RequestContext(Map<String, List<String>> principalKeys, Map<String, List<String>> requestKeys) {
        this.principalKeys = principalKeys;
        this.requestKeys = requestKeys;
    }

    @Override
    public @Nullable List<String> lowerCaseValues(String lowerCaseKey) {
        List<String> v = requestKeys.get(lowerCaseKey);
        return v != null ? v : principalKeys.get(lowerCaseKey);
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

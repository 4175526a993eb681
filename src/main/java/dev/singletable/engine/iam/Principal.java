package dev.singletable.engine.iam;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A configured identity: the access key that signs its requests, the principal it stands for (an IAM user or role
 * ARN in some account) and its identity-based policies, compiled once. The request-context keys IAM derives from a
 * principal are computed here once as well [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principal">AWS global condition
 * context keys: properties of the principal</a>
 *
 * @param accessKeyId     the access key id its requests are signed with
 * @param secretAccessKey the secret that signs them
 * @param arn             {@code arn:aws:iam::111122223333:user/alice} or {@code ...:role/reader}
 * @param account         the account of the ARN
 * @param userId          {@code aws:userid}: given in the file, else the ARN's last name (the user or role name)
 * @param tags            principal tags ({@code aws:PrincipalTag/<key>})
 * @param policies        the identity-based policies
 * @param contextKeys     the keys above as the evaluator reads them, keyed in lower case
 */
public record Principal(
        String accessKeyId,
        String secretAccessKey,
        String arn,
        String account,
        String userId,
        Map<String, String> tags,
        List<IamPolicy> policies,
        Map<String, List<String>> contextKeys) {

    public static Principal of(
            String accessKeyId,
            String secretAccessKey,
            String arn,
            @Nullable String userId,
            Map<String, String> tags,
            List<IamPolicy> policies,
            @Nullable String region) {
        Map<String, List<String>> keys = new HashMap<>(keysOf(arn, userId, tags));
        if (region != null) {
            keys.put("aws:requestedregion", List.of(region));
        }
        // keysOf sets both keys for every ARN it accepts (and throws for any other)
        String account = requireNonNull(keys.get("aws:principalaccount")).get(0);
        String id = requireNonNull(keys.get("aws:userid")).get(0);
        return new Principal(
                accessKeyId,
                secretAccessKey,
                arn,
                account,
                id,
                Map.copyOf(tags),
                List.copyOf(policies),
                Map.copyOf(keys));
    }

    /** The request-context keys a principal brings to every request (lower-case names). */
    public static Map<String, List<String>> keysOf(String arn, @Nullable String userId, Map<String, String> tags) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[4].matches("\\d{12}")) {
            throw new IllegalArgumentException("principalArn must be an IAM ARN with a twelve-digit account: " + arn);
        }
        // interned, as the access guard interns its namespace's account: comparing the two on every request is then an
        // identity check
        String account = parts[4].intern();
        String resource = parts[5];
        String type = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String id = userId == null || userId.isBlank() ? name : userId;
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("aws:principalarn", List.of(arn));
        keys.put("aws:principalaccount", List.of(account));
        keys.put("aws:userid", List.of(id));
        keys.put(
                "aws:principaltype",
                List.of(
                        switch (type) {
                            case "user" -> "User";
                            case "root" -> "Account";
                            case "assumed-role", "role" -> "AssumedRole";
                            default -> "User";
                        }));
        if (type.equals("user")) {
            // aws:username exists only for IAM users
            keys.put("aws:username", List.of(name));
        }
        keys.put("aws:securetransport", List.of("false"));
        tags.forEach((k, v) -> keys.put(RequestContext.lower("aws:PrincipalTag/" + k), List.of(v)));
        return keys;
    }

    /** Whether this is an account's root user, whom IAM allows everything in its own account. */
    boolean isRoot() {
        return arn.endsWith(":root");
    }

    /** The same principal, with aws:RequestedRegion set for a request to the given region. */
    public Map<String, List<String>> contextKeys(@Nullable String region) {
        if (region == null) {
            return contextKeys;
        }
        List<String> current = contextKeys.get("aws:requestedregion");
        if (current != null && current.size() == 1 && current.get(0).equals(region)) {
            return contextKeys;
        }
        Map<String, List<String>> keys = new HashMap<>(contextKeys);
        keys.put("aws:requestedregion", List.of(region));
        return keys;
    }
}

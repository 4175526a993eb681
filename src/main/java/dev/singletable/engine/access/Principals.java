package dev.singletable.engine.access;

import dev.singletable.engine.iam.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The configured principals, by access key id. */
public final class Principals {

    private final Map<String, Principal> byAccessKey = new LinkedHashMap<>();

    Principals(List<Principal> principals) {
        for (Principal p : principals) {
            byAccessKey.put(p.accessKeyId(), p);
        }
    }

    public @Nullable Principal byAccessKey(@Nullable String accessKeyId) {
        return accessKeyId == null ? null : byAccessKey.get(accessKeyId);
    }

    /** Access key id to secret: the only keys whose signatures the wire port then accepts. */
    public Map<String, String> secrets() {
        Map<String, String> out = new LinkedHashMap<>();
        byAccessKey.forEach((k, p) -> out.put(k, p.secretAccessKey()));
        return out;
    }

    /** Access key id to the account its principal belongs to: the account whose tables its requests reach. */
    public Map<String, String> accounts() {
        Map<String, String> out = new LinkedHashMap<>();
        byAccessKey.forEach((k, p) -> out.put(k, p.account()));
        return out;
    }
}

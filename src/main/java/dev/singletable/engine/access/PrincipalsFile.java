package dev.singletable.engine.access;

import dev.singletable.engine.iam.IamPolicy;
import dev.singletable.engine.iam.Principal;
import dev.singletable.engine.policy.PolicyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The principals file ({@code singletable.engine.auth.principals-file}, flag {@code -principalsFile FILE}): a JSON
 * array of {@code {"accessKeyId", "secretAccessKey", "principalArn", "policies": [<policy document>, ...]}}, each
 * document an IAM policy exactly as it would be attached in AWS. Optional members: {@code "userId"} (the value of
 * {@code aws:userid}; default the user or role name) and {@code "tags"} (principal tags, {@code aws:PrincipalTag/...}).
 * A policy may also be given as a string holding the JSON document (as {@code terraform show -json} prints it).
 */
public final class PrincipalsFile {

    private PrincipalsFile() {}

    /** Reads and compiles the file; IllegalArgumentException says which entry is wrong and why. */
    public static Principals read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the principals file " + file, e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("principals file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the file's text. */
    public static Principals parse(String text) {
        if (!(PolicyJson.parse(text) instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a JSON array of principals");
        }
        List<Principal> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int index = 0;
        for (Object e : entries) {
            String where = "entry " + index++;
            if (!(e instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + " is not a JSON object");
            }
            String accessKeyId = required(entry, "accessKeyId", where);
            String secret = required(entry, "secretAccessKey", where);
            String arn = required(entry, "principalArn", where);
            if (!keys.add(accessKeyId)) {
                throw new IllegalArgumentException(where + ": access key " + accessKeyId + " is listed twice");
            }
            @Nullable String userId = entry.get("userId") instanceof String s ? s : null;
            Map<String, String> tags = new LinkedHashMap<>();
            if (entry.get("tags") instanceof Map<?, ?> t) {
                t.forEach((k, v) -> tags.put(String.valueOf(k), String.valueOf(v)));
            }
            Map<String, List<String>> principalKeys;
            try {
                principalKeys = Principal.keysOf(arn, userId, tags);
            } catch (IllegalArgumentException failure) {
                throw new IllegalArgumentException(where + ": " + failure.getMessage(), failure);
            }
            List<IamPolicy> policies = new ArrayList<>();
            Object raw = entry.get("policies");
            if (raw != null && !(raw instanceof List<?>)) {
                throw new IllegalArgumentException(where + ": policies must be an array of policy documents");
            }
            for (Object p : raw == null ? List.of() : (List<?>) raw) {
                try {
                    Object document = p instanceof String json ? PolicyJson.parse(json) : p;
                    if (document instanceof Map<?, ?> map) {
                        policies.add(IamPolicy.compile(map, IamPolicy.Kind.IDENTITY, true, principalKeys));
                    } else {
                        throw new IllegalArgumentException("a policy must be a JSON object");
                    }
                } catch (IllegalArgumentException failure) {
                    throw new IllegalArgumentException(where + " (" + arn + "): " + failure.getMessage(), failure);
                }
            }
            try {
                out.add(Principal.of(accessKeyId, secret, arn, userId, tags, policies, null));
            } catch (IllegalArgumentException failure) {
                throw new IllegalArgumentException(where + ": " + failure.getMessage(), failure);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the file names no principal");
        }
        return new Principals(out);
    }

    private static String required(Map<?, ?> entry, String member, String where) {
        if (entry.get(member) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(where + ": \"" + member + "\" is required (a non-empty string)");
    }
}

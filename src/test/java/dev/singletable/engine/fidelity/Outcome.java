package dev.singletable.engine.fidelity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a caller observes from one request: either a response, rendered as a plain tree of its modelled fields, or an
 * error (class, status, code, message, and the modelled extras such as CancellationReasons).
 */
record Outcome(Object value, String errorClass, int status, String errorCode, String message) {

    static Outcome success(Object response, Set<String> ignoredFields) {
        return new Outcome(render(response, ignoredFields), null, 200, null, null);
    }

    static Outcome failure(AwsServiceException e, Set<String> ignoredFields) {
        Object extras = render(e, ignoredFields);
        return new Outcome(
                extras,
                e.getClass().getSimpleName(),
                e.statusCode(),
                e.awsErrorDetails().errorCode(),
                e.awsErrorDetails().errorMessage());
    }

    boolean isError() {
        return errorCode != null;
    }

    /** Renders SDK objects as maps/lists/strings so that two engines' answers compare with equals(). */
    static Object render(Object o, Set<String> ignored) {
        if (o == null) {
            return null;
        }
        if (o instanceof AttributeValue av) {
            return renderAttribute(av);
        }
        if (o instanceof SdkPojo pojo) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                if (ignored.contains(f.memberName())
                        || f.memberName().equals("Message")
                        || f.memberName().equals("message")) {
                    continue;
                }
                Object v = f.getValueOrDefault(pojo);
                if (v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                        || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>) {
                    continue;
                }
                if (v != null) {
                    out.put(f.memberName(), render(v, ignored));
                }
            }
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), render(v, ignored)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(render(v, ignored)));
            return out;
        }
        if (o instanceof SdkBytes b) {
            return "b64:" + java.util.Base64.getEncoder().encodeToString(b.asByteArray());
        }
        return String.valueOf(o);
    }

    private static Object renderAttribute(AttributeValue av) {
        if (av.s() != null) {
            return "S:" + av.s();
        }
        if (av.n() != null) {
            return "N:" + av.n();
        }
        if (av.b() != null) {
            return "B:" + java.util.Base64.getEncoder().encodeToString(av.b().asByteArray());
        }
        if (av.bool() != null) {
            return "BOOL:" + av.bool();
        }
        if (Boolean.TRUE.equals(av.nul())) {
            return "NULL";
        }
        if (av.hasM()) {
            Map<String, Object> out = new java.util.TreeMap<>();
            av.m().forEach((k, v) -> out.put(k, renderAttribute(v)));
            return out;
        }
        if (av.hasL()) {
            List<Object> out = new ArrayList<>();
            av.l().forEach(v -> out.add(renderAttribute(v)));
            return out;
        }
        if (av.hasSs()) {
            return "SS:" + av.ss().stream().sorted().toList();
        }
        if (av.hasNs()) {
            return "NS:"
                    + av.ns().stream()
                            .sorted(Comparator.comparing(java.math.BigDecimal::new))
                            .toList();
        }
        if (av.hasBs()) {
            return "BS:"
                    + av.bs().stream()
                            .map(b -> java.util.Base64.getEncoder().encodeToString(b.asByteArray()))
                            .sorted()
                            .toList();
        }
        return "EMPTY";
    }
}

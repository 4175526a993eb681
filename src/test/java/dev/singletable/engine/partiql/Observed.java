package dev.singletable.engine.partiql;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a caller observes from one call, as a plain comparable tree: the response's modelled members, or the error's
 * class, code, message and modelled extras (CancellationReasons, Item). Members that legitimately differ between two
 * endpoints (NextToken, capacity, request ids) are left out.
 */
record Observed(Object value, String errorCode, String message) {

    private static final Set<String> IGNORED =
            Set.of("NextToken", "ConsumedCapacity", "LastEvaluatedKey", "Message", "message");

    static Observed of(Supplier<?> call) {
        try {
            return new Observed(render(call.get()), null, null);
        } catch (AwsServiceException e) {
            return new Observed(
                    render(e),
                    e.awsErrorDetails().errorCode(),
                    e.awsErrorDetails().errorMessage());
        }
    }

    boolean isError() {
        return errorCode != null;
    }

    static Object render(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof AttributeValue av) {
            return attribute(av);
        }
        if (o instanceof SdkPojo pojo) {
            Map<String, Object> out = new TreeMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                Object v = f.getValueOrDefault(pojo);
                if (IGNORED.contains(f.memberName())
                        || v == null
                        || v instanceof SdkAutoConstructList<?>
                        || v instanceof SdkAutoConstructMap<?, ?>) {
                    continue;
                }
                out.put(f.memberName(), render(v));
            }
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), render(v)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(render(v)));
            return out;
        }
        if (o instanceof SdkBytes b) {
            return "b64:" + Base64.getEncoder().encodeToString(b.asByteArray());
        }
        return String.valueOf(o);
    }

    private static Object attribute(AttributeValue av) {
        switch (av.type()) {
            case S:
                return "S:" + av.s();
            case N:
                return "N:" + av.n();
            case B:
                return "B:" + Base64.getEncoder().encodeToString(av.b().asByteArray());
            case BOOL:
                return "BOOL:" + av.bool();
            case NUL:
                return "NULL";
            case M: {
                Map<String, Object> out = new TreeMap<>();
                av.m().forEach((k, v) -> out.put(k, attribute(v)));
                return out;
            }
            case L: {
                List<Object> out = new ArrayList<>();
                av.l().forEach(v -> out.add(attribute(v)));
                return out;
            }
            case SS:
                return "SS:" + av.ss().stream().sorted().toList();
            case NS:
                return "NS:" + av.ns().stream().sorted().toList();
            case BS:
                return "BS:"
                        + av.bs().stream()
                                .map(b -> Base64.getEncoder().encodeToString(b.asByteArray()))
                                .sorted()
                                .toList();
            default:
                return "?";
        }
    }
}

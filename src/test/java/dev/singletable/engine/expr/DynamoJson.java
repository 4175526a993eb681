package dev.singletable.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Test helper: DynamoDB JSON (as on the wire) to and from SDK attribute values. */
final class DynamoJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private DynamoJson() {}

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static Map<String, AttributeValue> item(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
        return m;
    }

    static Map<String, AttributeValue> item(String json) {
        return item(parse(json));
    }

    static Map<String, String> names(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    static AttributeValue value(JsonNode n) {
        AttributeValue.Builder b = AttributeValue.builder();
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "S":
                    b.s(v.asText());
                    break;
                case "N":
                    b.n(v.asText());
                    break;
                case "B":
                    b.b(SdkBytes.fromByteArray(Base64.getDecoder().decode(v.asText())));
                    break;
                case "BOOL":
                    b.bool(v.asBoolean());
                    break;
                case "NULL":
                    b.nul(v.asBoolean());
                    break;
                case "SS":
                    b.ss(strings(v));
                    break;
                case "NS":
                    b.ns(strings(v));
                    break;
                case "BS": {
                    List<SdkBytes> l = new ArrayList<>();
                    v.forEach(x ->
                            l.add(SdkBytes.fromByteArray(Base64.getDecoder().decode(x.asText()))));
                    b.bs(l);
                    break;
                }
                case "M":
                    b.m(item(v));
                    break;
                case "L": {
                    List<AttributeValue> l = new ArrayList<>();
                    v.forEach(x -> l.add(value(x)));
                    b.l(l);
                    break;
                }
                default:
                    throw new IllegalArgumentException(e.getKey());
            }
        }
        return b.build();
    }

    private static List<String> strings(JsonNode v) {
        List<String> l = new ArrayList<>();
        v.forEach(x -> l.add(x.asText()));
        return l;
    }

    static String json(Map<String, AttributeValue> item) {
        if (item == null) {
            return "null";
        }
        return toNode(item).toString();
    }

    private static ObjectNode toNode(Map<String, AttributeValue> m) {
        ObjectNode o = MAPPER.createObjectNode();
        new TreeMap<>(m).forEach((k, v) -> o.set(k, toNode(v)));
        return o;
    }

    private static ObjectNode toNode(AttributeValue v) {
        ObjectNode o = MAPPER.createObjectNode();
        if (v.s() != null) {
            o.put("S", v.s());
        } else if (v.n() != null) {
            o.put("N", v.n());
        } else if (v.b() != null) {
            o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
        } else if (v.bool() != null) {
            o.put("BOOL", v.bool());
        } else if (v.nul() != null) {
            o.put("NULL", v.nul());
        } else if (v.hasSs()) {
            ArrayNode a = o.putArray("SS");
            v.ss().stream().sorted().forEach(a::add);
        } else if (v.hasNs()) {
            ArrayNode a = o.putArray("NS");
            v.ns().stream().sorted().forEach(a::add);
        } else if (v.hasBs()) {
            ArrayNode a = o.putArray("BS");
            v.bs().stream()
                    .map(x -> Base64.getEncoder().encodeToString(x.asByteArray()))
                    .sorted()
                    .forEach(a::add);
        } else if (v.hasM()) {
            o.set("M", toNode(v.m()));
        } else if (v.hasL()) {
            ArrayNode a = o.putArray("L");
            v.l().forEach(x -> a.add(toNode(x)));
        }
        return o;
    }
}

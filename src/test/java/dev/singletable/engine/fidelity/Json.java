package dev.singletable.engine.fidelity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON, as on the wire, written with single quotes so scenarios stay readable:
 * {@code item("{'pk':{'S':'a'},'n':{'N':'1'}}")}. Binary values are base64, as on the wire.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.ALLOW_SINGLE_QUOTES);

    private Json() {}

    static Map<String, AttributeValue> item(String json) {
        return item(parse(json));
    }

    static AttributeValue av(String json) {
        return value(parse(json));
    }

    static Map<String, String> names(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        parse(json)
                .fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static Map<String, AttributeValue> item(JsonNode node) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getValue())));
        return out;
    }

    private static AttributeValue value(JsonNode node) {
        AttributeValue.Builder b = AttributeValue.builder();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "S" -> b.s(v.asText());
                case "N" -> b.n(v.asText());
                case "B" -> b.b(bytes(v.asText()));
                case "BOOL" -> b.bool(v.asBoolean());
                case "NULL" -> b.nul(v.asBoolean());
                case "M" -> b.m(item(v));
                case "L" -> {
                    List<AttributeValue> list = new ArrayList<>();
                    v.forEach(x -> list.add(value(x)));
                    b.l(list);
                }
                case "SS" -> {
                    List<String> list = new ArrayList<>();
                    v.forEach(x -> list.add(x.asText()));
                    b.ss(list);
                }
                case "NS" -> {
                    List<String> list = new ArrayList<>();
                    v.forEach(x -> list.add(x.asText()));
                    b.ns(list);
                }
                case "BS" -> {
                    List<SdkBytes> list = new ArrayList<>();
                    v.forEach(x -> list.add(bytes(x.asText())));
                    b.bs(list);
                }
                default -> throw new IllegalArgumentException("unknown type " + e.getKey());
            }
        }
        return b.build();
    }

    private static SdkBytes bytes(String base64) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
    }
}

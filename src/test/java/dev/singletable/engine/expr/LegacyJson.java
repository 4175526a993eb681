package dev.singletable.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** Test helper: legacy request parameters from their wire JSON. */
final class LegacyJson {

    private LegacyJson() {}

    private static List<AttributeValue> list(JsonNode n) {
        List<AttributeValue> l = new ArrayList<>();
        n.forEach(x -> l.add(DynamoJson.value(x)));
        return l;
    }

    static Map<String, ExpectedAttributeValue> expected(JsonNode n) {
        Map<String, ExpectedAttributeValue> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            ExpectedAttributeValue.Builder b = ExpectedAttributeValue.builder();
            if (v.has("Value")) {
                b.value(DynamoJson.value(v.get("Value")));
            }
            if (v.has("Exists")) {
                b.exists(v.get("Exists").asBoolean());
            }
            if (v.has("ComparisonOperator")) {
                b.comparisonOperator(v.get("ComparisonOperator").asText());
            }
            if (v.has("AttributeValueList")) {
                b.attributeValueList(list(v.get("AttributeValueList")));
            }
            m.put(e.getKey(), b.build());
        });
        return m;
    }

    static Map<String, Condition> conditions(JsonNode n) {
        Map<String, Condition> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            Condition.Builder b = Condition.builder();
            if (v.has("ComparisonOperator")) {
                b.comparisonOperator(v.get("ComparisonOperator").asText());
            }
            if (v.has("AttributeValueList")) {
                b.attributeValueList(list(v.get("AttributeValueList")));
            }
            m.put(e.getKey(), b.build());
        });
        return m;
    }

    static Map<String, AttributeValueUpdate> updates(JsonNode n) {
        Map<String, AttributeValueUpdate> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            AttributeValueUpdate.Builder b = AttributeValueUpdate.builder();
            if (v.has("Value")) {
                b.value(DynamoJson.value(v.get("Value")));
            }
            if (v.has("Action")) {
                b.action(v.get("Action").asText());
            }
            m.put(e.getKey(), b.build());
        });
        return m;
    }

    static List<String> strings(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.forEach(x -> l.add(x.asText()));
        return l;
    }
}

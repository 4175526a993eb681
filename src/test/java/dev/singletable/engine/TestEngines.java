package dev.singletable.engine;

import dev.singletable.engine.core.EngineOptions;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Engines for engine-level tests, with a simple key sizer (string keys: name plus UTF-8 value length). */
public final class TestEngines {

    private TestEngines() {}

    public static long keySize(Map<String, AttributeValue> keys) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : keys.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue().s() != null ? e.getValue().s().getBytes(StandardCharsets.UTF_8).length : 8);
        }
        return size;
    }

    public static EmbeddedEngine open(EngineOptions options) {
        return EmbeddedEngine.open(options, TestEngines::keySize);
    }
}

package dev.singletable.bench;

import dev.singletable.web.CursorCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The next-page cursor of a timeline page (issue 21): {@link CursorCodec#encode} beside the encoding it replaced (a
 * tree of ObjectNodes, {@code Mac.getInstance} and {@code init} per signature), in one run; the two make the same
 * bytes ({@code CursorCodecTest}). The codec's constructor is package-private: it is made by reflection at set-up.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class CursorBenchmark {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final CursorCodec codec = codec();
    private final Map<String, AttributeValue> key = new LinkedHashMap<>();

    public CursorBenchmark() {
        key.put("PK", AttributeValue.fromS("FEED#01JD4WZ8X3M2K7Q9R5T1V6B8NC"));
        key.put("SK", AttributeValue.fromS("TWEET#01JD5B2C3D4E5F6G7H8J9K0M1N"));
    }

    @Benchmark
    public String encode() {
        return codec.encode("timeline/01JD4WZ8X3M2K7Q9R5T1V6B8NC", key);
    }

    @Benchmark
    public String encodeAsBefore() throws Exception {
        ObjectNode payload = JSON.createObjectNode();
        payload.put(
                "exp", Clock.systemUTC().instant().plus(Duration.ofHours(24)).getEpochSecond());
        ObjectNode keyNode = payload.putObject("key");
        key.forEach((name, value) -> keyNode.set(name, JSON.createObjectNode().put("S", value.s())));
        String body = BASE64.encodeToString(JSON.writeValueAsBytes(payload));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("timeline/01JD4WZ8X3M2K7Q9R5T1V6B8NC".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return body + "." + BASE64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    }

    private static CursorCodec codec() {
        try {
            Class<?> properties = Class.forName("dev.singletable.web.CursorProperties");
            var makeProperties = properties.getDeclaredConstructor(String.class, Duration.class);
            makeProperties.setAccessible(true);
            var makeCodec = CursorCodec.class.getDeclaredConstructor(properties, Clock.class);
            makeCodec.setAccessible(true);
            return makeCodec.newInstance(makeProperties.newInstance(SECRET, Duration.ofHours(24)), Clock.systemUTC());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

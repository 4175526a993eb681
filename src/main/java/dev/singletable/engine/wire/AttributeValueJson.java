package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes {@link AttributeValue}s with their own getters instead of {@link SdkJsonWriter}'s walk over the model's
 * field metadata: items are most of every data-plane response (a Query page of 25 items of 6 attributes is ~175
 * values), and the generic walk visits all ten members of each through accessor lambdas to find the one that is set.
 * The output is byte for byte the generic writer's: same members, same order (taken from the model itself), absent
 * members left out. Should the SDK's model ever list a member this class does not know, {@link #AVAILABLE} is false
 * and the generic writer is used.
 */
final class AttributeValueJson {

    private enum Member {
        S,
        N,
        B,
        SS,
        NS,
        BS,
        M,
        L,
        NULL,
        BOOL
    }

    /** The members in the order the SDK model declares them (the generic writer's order). */
    private static final Member @Nullable [] ORDER = modelOrder();

    static final boolean AVAILABLE = ORDER != null;

    private AttributeValueJson() {}

    private static Member @Nullable [] modelOrder() {
        List<Member> order = new ArrayList<>();
        for (SdkField<?> field : AttributeValue.builder().sdkFields()) {
            try {
                order.add(Member.valueOf(field.locationName()));
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
        return order.toArray(new Member[0]);
    }

    static void write(JsonGenerator generator, AttributeValue value) throws IOException {
        generator.writeStartObject();
        for (Member member : Objects.requireNonNull(ORDER, "callers check AVAILABLE first")) {
            switch (member) {
                case S -> writeString(generator, "S", value.s());
                case N -> writeString(generator, "N", value.n());
                case B -> {
                    if (value.b() != null) {
                        generator.writeFieldName("B");
                        writeBytes(generator, value.b());
                    }
                }
                case SS -> {
                    if (value.hasSs()) {
                        writeStrings(generator, "SS", value.ss());
                    }
                }
                case NS -> {
                    if (value.hasNs()) {
                        writeStrings(generator, "NS", value.ns());
                    }
                }
                case BS -> {
                    if (value.hasBs()) {
                        generator.writeFieldName("BS");
                        generator.writeStartArray();
                        for (SdkBytes bytes : value.bs()) {
                            writeBytes(generator, bytes);
                        }
                        generator.writeEndArray();
                    }
                }
                case M -> {
                    if (value.hasM()) {
                        generator.writeFieldName("M");
                        generator.writeStartObject();
                        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
                            generator.writeFieldName(String.valueOf(entry.getKey()));
                            writeNullable(generator, entry.getValue());
                        }
                        generator.writeEndObject();
                    }
                }
                case L -> {
                    if (value.hasL()) {
                        generator.writeFieldName("L");
                        generator.writeStartArray();
                        for (AttributeValue element : value.l()) {
                            writeNullable(generator, element);
                        }
                        generator.writeEndArray();
                    }
                }
                case NULL -> writeBoolean(generator, "NULL", value.nul());
                case BOOL -> writeBoolean(generator, "BOOL", value.bool());
                default -> throw new IllegalStateException("member " + member);
            }
        }
        generator.writeEndObject();
    }

    private static void writeNullable(JsonGenerator generator, AttributeValue value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else {
            write(generator, value);
        }
    }

    private static void writeString(JsonGenerator generator, String name, String text) throws IOException {
        if (text != null) {
            generator.writeFieldName(name);
            generator.writeString(text);
        }
    }

    private static void writeStrings(JsonGenerator generator, String name, List<String> texts) throws IOException {
        generator.writeFieldName(name);
        generator.writeStartArray();
        for (String text : texts) {
            if (text == null) {
                generator.writeNull();
            } else {
                generator.writeString(text);
            }
        }
        generator.writeEndArray();
    }

    private static void writeBytes(JsonGenerator generator, SdkBytes bytes) throws IOException {
        if (bytes == null) {
            generator.writeNull();
        } else {
            generator.writeString(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        }
    }

    private static void writeBoolean(JsonGenerator generator, String name, Boolean flag) throws IOException {
        if (flag != null) {
            generator.writeFieldName(name);
            generator.writeBoolean(flag);
        }
    }
}

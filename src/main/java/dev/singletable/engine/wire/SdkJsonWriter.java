package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes SDK model objects as AWS JSON 1.0, driven only by the model's {@link SdkField} metadata. Members the
 * object never set (null, or the SDK's auto-constructed empty collections) are left out, exactly as AWS omits
 * absent members; an explicitly empty list or map is written.
 */
final class SdkJsonWriter {

    private SdkJsonWriter() {}

    /** Writes {@code source}'s members (described by {@code fields}) into the object being generated. */
    static void writeMembers(JsonGenerator generator, Object source, List<SdkField<?>> fields) throws IOException {
        for (SdkField<?> field : fields) {
            Object value = field.getValueOrDefault(source);
            if (isAbsent(value)) {
                continue;
            }
            generator.writeFieldName(field.locationName());
            writeValue(generator, field, value);
        }
    }

    static void writeStructure(JsonGenerator generator, SdkPojo pojo) throws IOException {
        generator.writeStartObject();
        writeMembers(generator, pojo, pojo.sdkFields());
        generator.writeEndObject();
    }

    static boolean isAbsent(Object value) {
        return value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap;
    }

    private static void writeValue(JsonGenerator generator, SdkField<?> field, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
            return;
        }
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            generator.writeNull();
            return;
        }
        switch (type) {
            case STRING:
                generator.writeString(value.toString());
                break;
            case INTEGER:
            case SHORT:
            case BYTE:
                generator.writeNumber(((Number) value).intValue());
                break;
            case LONG:
                generator.writeNumber(((Number) value).longValue());
                break;
            case FLOAT:
                generator.writeNumber(((Number) value).floatValue());
                break;
            case DOUBLE:
                generator.writeNumber(((Number) value).doubleValue());
                break;
            case BIG_DECIMAL:
                generator.writeNumber(((BigDecimal) value).toPlainString());
                break;
            case BOOLEAN:
                generator.writeBoolean((Boolean) value);
                break;
            case INSTANT:
                generator.writeNumber(epochSeconds((Instant) value));
                break;
            case SDK_BYTES:
                generator.writeString(Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe()));
                break;
            case LIST:
                writeList(generator, field, (Collection<?>) value);
                break;
            case MAP:
                writeMap(generator, field, (Map<?, ?>) value);
                break;
            case SDK_POJO:
                if (value instanceof AttributeValue && AttributeValueJson.AVAILABLE) {
                    // items are most of a data-plane response: written with their own getters
                    AttributeValueJson.write(generator, (AttributeValue) value);
                } else {
                    writeStructure(generator, (SdkPojo) value);
                }
                break;
            default:
                generator.writeNull();
        }
    }

    private static void writeList(JsonGenerator generator, SdkField<?> field, Collection<?> list) throws IOException {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        generator.writeStartArray();
        for (Object element : list) {
            writeValue(generator, member, element);
        }
        generator.writeEndArray();
    }

    private static void writeMap(JsonGenerator generator, SdkField<?> field, Map<?, ?> map) throws IOException {
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            generator.writeFieldName(String.valueOf(entry.getKey()));
            writeValue(generator, valueField, entry.getValue());
        }
        generator.writeEndObject();
    }

    /** AWS JSON timestamps: seconds since the epoch, fractional part as needed, never exponent notation. */
    static String epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0).toPlainString() : seconds.toPlainString();
    }
}

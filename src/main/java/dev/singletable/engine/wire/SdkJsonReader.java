package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Reads AWS JSON 1.0 into SDK model objects, driven only by the model's own metadata ({@link SdkField}s), so
 * every operation of every SDK shape is covered by this one reader. Type mismatches raise
 * {@link WireSerializationException} with the wording AWS's front end uses.
 *
 * <p>Expects syntactically valid JSON (see {@link JsonSyntax}); only shape mismatches are diagnosed here.
 */
final class SdkJsonReader {

    /** Member lookup by wire name, built once per builder class. */
    private static final Map<Class<?>, Map<String, Member>> FIELD_CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SdkJsonReader() {}

    /**
     * Reads one JSON object from {@code parser} (positioned before it) into a fresh builder and builds it. A request
     * must be an object: a body of {@code null} (or of nothing) is a SerializationException, as a member of the
     * wrong kind is.
     */
    static <T> T readStructure(JsonParser parser, Supplier<? extends SdkPojo> builderFactory) throws IOException {
        JsonToken token = parser.nextToken();
        SdkPojo builder = builderFactory.get();
        if (token == null || token == JsonToken.VALUE_NULL) {
            throw WireSerializationException.withoutMessage();
        }
        expectStructure(token);
        fillStructure(parser, builder);
        @SuppressWarnings("unchecked")
        T built = (T) ((Buildable) builder).build();
        return built;
    }

    private static void fillStructure(JsonParser parser, SdkPojo builder) throws IOException {
        Map<String, Member> fields = fieldsOf(builder);
        long seen = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            Member member = fields.get(parser.currentName());
            JsonToken valueToken = parser.nextToken();
            if (member == null) {
                // AWS ignores members it does not know
                parser.skipChildren();
                continue;
            }
            // a member given twice would otherwise be decided by whichever came last: refused, as malformed input
            long bit = 1L << member.index();
            if ((seen & bit) != 0) {
                throw WireSerializationException.withoutMessage();
            }
            seen |= bit;
            SdkField<?> field = member.field();
            Object value = readValue(parser, valueToken, field);
            if (value != null) {
                field.set(builder, value);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw WireSerializationException.withoutMessage();
        }
    }

    /** A member of a shape and its position among the shape's members (for duplicate detection). */
    private record Member(SdkField<?> field, int index) {}

    private static Map<String, Member> fieldsOf(SdkPojo builder) {
        return FIELD_CACHE.computeIfAbsent(builder.getClass(), type -> {
            Map<String, Member> byName = new HashMap<>();
            List<SdkField<?>> fields = builder.sdkFields();
            if (fields.size() > Long.SIZE) {
                throw new IllegalStateException("more members than the duplicate check tracks: " + type);
            }
            for (int i = 0; i < fields.size(); i++) {
                byName.put(fields.get(i).locationName(), new Member(fields.get(i), i));
            }
            return byName;
        });
    }

    private static @Nullable Object readValue(JsonParser parser, JsonToken token, SdkField<?> field)
            throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        MarshallingKnownType type = field.marshallingType().getKnownType();
        if (type == null) {
            // a type this reader does not model (documents are not used by DynamoDB): leave it out
            parser.skipChildren();
            return null;
        }
        switch (type) {
            case STRING:
                return readString(parser, token);
            case INTEGER:
                return readInteger(parser, token);
            case LONG:
                return readLong(parser, token);
            case SHORT:
                return (short) readBoundedIntegral(parser, token, "Short", Short.MIN_VALUE, Short.MAX_VALUE);
            case BYTE:
                return (byte) readBoundedIntegral(parser, token, "Byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
            case DOUBLE:
                return readDecimal(parser, token, "Double").doubleValue();
            case FLOAT:
                return readDecimal(parser, token, "Float").floatValue();
            case BIG_DECIMAL:
                return readDecimal(parser, token, "BigDecimal");
            case BOOLEAN:
                return readBoolean(parser, token);
            case INSTANT:
                return readInstant(parser, token);
            case SDK_BYTES:
                return readBlob(parser, token);
            case LIST:
                return readList(parser, token, field);
            case MAP:
                return readMap(parser, token, field);
            case SDK_POJO:
                return readPojo(parser, token, field.constructor());
            default:
                parser.skipChildren();
                return null;
        }
    }

    private static String readString(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        throw mismatch(parser, token, "an String");
    }

    private static Integer readInteger(JsonParser parser, JsonToken token) throws IOException {
        return (int) readBoundedIntegral(parser, token, "Integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static Long readLong(JsonParser parser, JsonToken token) throws IOException {
        return readBoundedIntegral(parser, token, "Long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Integral members accept any JSON number (fractions are floored, as AWS does) that fits the member. */
    private static long readBoundedIntegral(JsonParser parser, JsonToken token, String target, long min, long max)
            throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(parser, token, "an " + target);
        }
        BigDecimal decimal = parser.getDecimalValue();
        if (isHuge(decimal)) {
            throw new WireSerializationException("class java.lang.Double can not be converted to an " + target);
        }
        BigInteger value = floor(decimal);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new WireSerializationException(
                    "class " + integralClass(value) + " can not be converted to an " + target);
        }
        return value.longValue();
    }

    private static BigDecimal readDecimal(JsonParser parser, JsonToken token, String target) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(parser, token, "an " + target);
        }
        return parser.getDecimalValue();
    }

    private static Boolean readBoolean(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_STRING: {
                String text = parser.getText();
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    return Boolean.valueOf(text);
                }
                throw new WireSerializationException(
                        "'" + text.toUpperCase(java.util.Locale.ROOT) + "' can not be converted to an Boolean");
            }
            case VALUE_NUMBER_FLOAT:
                // AWS's deserializer tolerates fractional numbers here, reading magnitude >= 1 as true
                return parser.getDecimalValue().abs().compareTo(BigDecimal.ONE) >= 0;
            default:
                throw mismatch(parser, token, "an Boolean");
        }
    }

    private static Instant readInstant(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw mismatch(parser, token, "an Date");
        }
        BigDecimal seconds = parser.getDecimalValue();
        try {
            if (isHuge(seconds)) {
                throw new ArithmeticException("out of range");
            }
            if (isTiny(seconds)) {
                seconds = BigDecimal.ZERO; // below a nanosecond: the epoch (and no 10^scale to compute)
            }
            BigDecimal whole = new BigDecimal(floor(seconds));
            long nanos = seconds.subtract(whole).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole.longValueExact(), nanos);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new WireSerializationException(
                    "class " + numberClass(parser, token) + " can not be converted to an Date");
        }
    }

    private static SdkBytes readBlob(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return SdkBytes.fromByteArrayUnsafe(Base64Blob.decode(parser.getText()));
        }
        throw mismatch(parser, token, "a Blob");
    }

    private static List<Object> readList(JsonParser parser, JsonToken token, SdkField<?> field) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            throw new WireSerializationException("Start of structure or map found where not expected.");
        }
        if (token != JsonToken.START_ARRAY) {
            throw new WireSerializationException("Expected list or null");
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> list = new ArrayList<>();
        JsonToken elementToken;
        while ((elementToken = parser.nextToken()) != JsonToken.END_ARRAY) {
            list.add(readValue(parser, elementToken, member));
        }
        return list;
    }

    private static Map<String, Object> readMap(JsonParser parser, JsonToken token, SdkField<?> field)
            throws IOException {
        if (token == JsonToken.START_ARRAY) {
            throw new WireSerializationException("Start of list found where not expected");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new WireSerializationException("Expected map or null");
        }
        SdkField<?> valueField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (map.containsKey(key)) {
                throw WireSerializationException.withoutMessage(); // an attribute (or table) named twice
            }
            map.put(key, readValue(parser, parser.nextToken(), valueField));
        }
        return map;
    }

    private static Object readPojo(JsonParser parser, JsonToken token, Supplier<SdkPojo> constructor)
            throws IOException {
        expectStructure(token);
        SdkPojo builder = constructor.get();
        fillStructure(parser, builder);
        return ((Buildable) builder).build();
    }

    private static void expectStructure(JsonToken token) {
        if (token == JsonToken.START_ARRAY) {
            throw new WireSerializationException("Start of list found where not expected");
        }
        if (token != JsonToken.START_OBJECT) {
            throw new WireSerializationException("Expected null");
        }
    }

    /** The message AWS gives when a JSON value of the wrong kind meets a scalar member. */
    private static WireSerializationException mismatch(JsonParser parser, JsonToken token, String target)
            throws IOException {
        switch (token) {
            case START_ARRAY:
                return new WireSerializationException("Start of list found where not expected");
            case START_OBJECT:
                return new WireSerializationException("Start of structure or map found where not expected.");
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new WireSerializationException("class java.lang.Boolean can not be converted to " + target);
            case VALUE_STRING:
                return new WireSerializationException("class java.lang.String can not be converted to " + target);
            default:
                return new WireSerializationException(
                        "class " + numberClass(parser, token) + " can not be converted to " + target);
        }
    }

    /** The Java class AWS's deserializer reports for a JSON number: the narrowest that holds it. */
    private static String numberClass(JsonParser parser, JsonToken token) throws IOException {
        BigDecimal value = parser.getDecimalValue();
        if (isHuge(value)
                || (token == JsonToken.VALUE_NUMBER_FLOAT
                        && value.stripTrailingZeros().scale() > 0)) {
            return "java.lang.Double";
        }
        return integralClass(value.toBigInteger());
    }

    private static String integralClass(BigInteger value) {
        if (value.bitLength() < 16) {
            return "java.lang.Short";
        }
        if (value.bitLength() < 32) {
            return "java.lang.Integer";
        }
        if (value.bitLength() < 64) {
            return "java.lang.Long";
        }
        return "java.math.BigInteger";
    }

    /**
     * Whether the number's magnitude is far beyond any integral member. Checked before converting to an integer
     * so that an exponent such as {@code 1e999999999} cannot make us build a gigantic BigInteger.
     */
    private static boolean isHuge(BigDecimal value) {
        return value.signum() != 0 && value.precision() - value.scale() > 40;
    }

    /** Whether the magnitude is below 1 (the leading digit after the point): {@code 1e-999999999} is. */
    private static boolean isTiny(BigDecimal value) {
        return value.signum() != 0 && (long) value.precision() - value.scale() <= 0;
    }

    /**
     * The value rounded down to an integer, for values that are not huge. A tiny magnitude is settled by its sign:
     * {@code setScale} would compute 10 to the power of the scale, and {@code 1e-999999999} has a scale of a billion
     * (a request that once kept an I/O thread busy for minutes).
     */
    private static BigInteger floor(BigDecimal value) {
        if (value.signum() == 0) {
            return BigInteger.ZERO;
        }
        if (isTiny(value)) {
            return value.signum() > 0 ? BigInteger.ZERO : BigInteger.ONE.negate();
        }
        return value.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }
}

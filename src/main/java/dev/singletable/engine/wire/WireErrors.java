package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Turns failures into AWS's JSON 1.0 error responses:
 * {@code {"__type":"<namespace>#<Code>", <modelled members>, "message":"..."}} with the status AWS uses.
 *
 * <p>The namespace follows AWS: front-end (Coral) errors such as SerializationException, UnknownOperationException
 * and the signature errors live in {@code com.amazon.coral.service}, ValidationException in
 * {@code com.amazon.coral.validate}, throttling in {@code com.amazon.coral.availability}, everything DynamoDB
 * models in {@code com.amazonaws.dynamodb.v20120810}. AWS spells the message key {@code Message} for
 * SerializationException and TransactionCanceledException and {@code message} elsewhere [1] [2].
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error handling with DynamoDB</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors (DynamoDB API Reference)</a>
 */
final class WireErrors {

    static final String DYNAMODB_NAMESPACE = "com.amazonaws.dynamodb.v20120810";
    static final String CORAL_SERVICE_NAMESPACE = "com.amazon.coral.service";

    static final String SERIALIZATION = "SerializationException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String INTERNAL_SERVER_ERROR = "InternalServerError";

    private static final Set<String> CORAL_SERVICE_CODES = Set.of(
            SERIALIZATION,
            UNKNOWN_OPERATION,
            "MissingAuthenticationTokenException",
            "UnrecognizedClientException",
            "InvalidSignatureException",
            "IncompleteSignatureException",
            "AccessDeniedException",
            "ExpiredTokenException",
            "InternalFailure",
            "RequestExpired",
            "InvalidClientTokenId",
            "MalformedHttpRequestException",
            "RequestEntityTooLarge");
    private static final Set<String> CAPITALISED_MESSAGE_CODES = Set.of(SERIALIZATION, "TransactionCanceledException");
    private static final Set<String> UNMODELLED_EXCEPTION_TYPES =
            Set.of("DynamoDbException", "DynamoDbStreamsException", "AwsServiceException", "SdkServiceException");

    private static final System.Logger LOG = System.getLogger(WireErrors.class.getName());

    /** Modelled members of exception classes (exceptions are not SdkPojos, but expose {@code sdkFields()}). */
    private static final ConcurrentHashMap<Class<?>, List<SdkField<?>>> EXCEPTION_FIELDS = new ConcurrentHashMap<>();

    private WireErrors() {}

    /** A front-end error with the given code; a null message leaves the message key out, as AWS does. */
    static WireResponse of(String code, @Nullable String message, int status, String contentType) {
        return new WireResponse(status, contentType, body(code, message, null, List.of())).errorCode(code);
    }

    static WireResponse serialization(WireSerializationException e, String contentType) {
        return of(SERIALIZATION, e.getMessage(), 400, contentType);
    }

    static WireResponse unknownOperation(String contentType) {
        return of(UNKNOWN_OPERATION, null, 400, contentType);
    }

    static WireResponse internalServerError(String contentType) {
        return of(INTERNAL_SERVER_ERROR, "Internal server error", 500, contentType);
    }

    /** Whatever the backend threw, as the AWS error a client would receive from DynamoDB. */
    static WireResponse fromBackend(Throwable failure, String contentType) {
        if (failure instanceof AwsServiceException) {
            return fromServiceException((AwsServiceException) failure, contentType);
        }
        if (failure instanceof SdkServiceException) {
            SdkServiceException e = (SdkServiceException) failure;
            String code = codeFromClass(e);
            if (code == null) {
                return unexpected(failure, contentType);
            }
            return new WireResponse(
                            statusOf(e.statusCode(), code), contentType, body(code, e.getMessage(), e, fieldsOf(e)))
                    .errorCode(code);
        }
        if (failure instanceof UnsupportedOperationException) {
            // the backend does not implement this operation (the SDK interface's default method)
            return unknownOperation(contentType);
        }
        return unexpected(failure, contentType);
    }

    private static WireResponse fromServiceException(AwsServiceException e, String contentType) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details != null && details.errorCode() != null ? details.errorCode() : codeFromClass(e);
        if (code == null) {
            return unexpected(e, contentType);
        }
        String message = details != null ? details.errorMessage() : null;
        return new WireResponse(statusOf(e.statusCode(), code), contentType, body(code, message, e, fieldsOf(e)))
                .errorCode(code);
    }

    private static WireResponse unexpected(Throwable failure, String contentType) {
        LOG.log(System.Logger.Level.ERROR, "backend failed unexpectedly; answering InternalServerError", failure);
        return internalServerError(contentType);
    }

    /** Modelled exception classes are named after their error code; the service's base class is not. */
    private static @Nullable String codeFromClass(Throwable e) {
        String name = e.getClass().getSimpleName();
        return UNMODELLED_EXCEPTION_TYPES.contains(name) || name.isEmpty() ? null : name;
    }

    private static int statusOf(int status, String code) {
        if (status >= 400 && status <= 599) {
            return status;
        }
        switch (code) {
            case INTERNAL_SERVER_ERROR:
            case "InternalFailure":
                return 500;
            case "ServiceUnavailable":
                return 503;
            default:
                return 400;
        }
    }

    static String namespaced(String code) {
        if ("ValidationException".equals(code)) {
            return "com.amazon.coral.validate#" + code;
        }
        if ("ThrottlingException".equals(code)) {
            return "com.amazon.coral.availability#" + code;
        }
        if (CORAL_SERVICE_CODES.contains(code)) {
            return CORAL_SERVICE_NAMESPACE + "#" + code;
        }
        return DYNAMODB_NAMESPACE + "#" + code;
    }

    static String messageKey(String code) {
        return CAPITALISED_MESSAGE_CODES.contains(code) ? "Message" : "message";
    }

    /**
     * The message key of this error body: a ConditionalCheckFailedException carrying the old item
     * (ReturnValuesOnConditionCheckFailure ALL_OLD) says {@code Message}, as AWS sends it (clients written against
     * AWS's answers read it so, e.g. EfficientDynamoDb's ConditionalCheckFailedResponse); without the item it says
     * {@code message}.
     */
    private static String messageKey(String code, @Nullable Object source) {
        if (source instanceof ConditionalCheckFailedException && ((ConditionalCheckFailedException) source).hasItem()) {
            return "Message";
        }
        return messageKey(code);
    }

    private static byte[] body(
            String code, @Nullable String message, @Nullable Object source, List<SdkField<?>> members) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(256);
        try (JsonGenerator generator = JsonSyntax.FACTORY.createGenerator(bytes)) {
            generator.writeStartObject();
            generator.writeStringField("__type", namespaced(code));
            if (source != null) {
                SdkJsonWriter.writeMembers(generator, source, members);
            }
            if (message != null) {
                generator.writeStringField(messageKey(code, source), message);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<SdkField<?>> fieldsOf(Throwable exception) {
        return EXCEPTION_FIELDS.computeIfAbsent(exception.getClass(), type -> {
            try {
                Method sdkFields = type.getMethod("sdkFields");
                @SuppressWarnings("unchecked")
                List<SdkField<?>> all = (List<SdkField<?>>) sdkFields.invoke(exception);
                List<SdkField<?>> members = new ArrayList<>();
                for (SdkField<?> field : all) {
                    // the message is written by us under AWS's key, never twice
                    if (!"message".equalsIgnoreCase(field.locationName())) {
                        members.add(field);
                    }
                }
                return List.copyOf(members);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return List.of();
            }
        });
    }
}

package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.Locale;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * DynamoDB's JSON 1.0 protocol, independent of the transport: one HTTP request in, one response out. Checks run in
 * the order AWS runs them, so a request with several problems gets the error AWS would give:
 * HTTP method and content type, JSON syntax, target, signature, body presence, member types, then the backend.
 */
final class WireProtocol {

    static final String JSON = "application/json";
    private static final String NOT_FOUND_BODY = "<UnknownOperationException/>\n";

    private final OperationTable operations;
    private final SigV4Verifier verifier;
    private final int maxBodyBytes;
    private final String healthText;

    /** @param verifier null to accept any (or no) credentials */
    WireProtocol(OperationTable operations, SigV4Verifier verifier, int maxBodyBytes, String region) {
        this.operations = operations;
        this.verifier = verifier;
        this.maxBodyBytes = maxBodyBytes;
        this.healthText = "healthy: dynamodb." + region + ".amazonaws.com";
    }

    WireResponse handle(WireHttpRequest request) {
        WireResponse response = respond(request);
        if (request.header("Origin") != null) {
            // browsers may call DynamoDB directly; AWS allows any origin
            response.header("Access-Control-Allow-Origin", "*");
        }
        if (!request.keepAlive()) {
            response.closingConnection();
        }
        return response;
    }

    private WireResponse respond(WireHttpRequest request) {
        switch (request.kind()) {
            case MALFORMED:
                return new WireResponse(400, null, null).closingConnection();
            case OVERSIZED:
                return new WireResponse(413, null, null);
            default:
                break;
        }
        String method = request.method();
        if ("OPTIONS".equals(method) && request.header("Origin") != null) {
            return preflight(request);
        }
        if ("GET".equals(method) && "/".equals(request.rawPath())) {
            return WireResponse.text(200, "text/plain", healthText);
        }
        if (!"POST".equals(method)) {
            return notFound();
        }
        return handlePost(request);
    }

    private WireResponse handlePost(WireHttpRequest request) {
        String mediaType = mediaType(request.header("Content-Type"));
        boolean jsonMediaType = JSON.equals(mediaType) || WireResponse.AMZ_JSON.equals(mediaType);
        if (request.bodyLength() > 0 && !jsonMediaType) {
            return notFound();
        }
        // AWS answers in the JSON flavour it was spoken to in
        String responseType = JSON.equals(mediaType) ? JSON : WireResponse.AMZ_JSON;

        ContentDecoding.Body body;
        try {
            body = ContentDecoding.decode(request.header("Content-Encoding"), request.body(), request.bodyLength(),
                    maxBodyBytes);
            if (body.length > 0) {
                JsonSyntax.check(body.bytes, body.length);
            }
        } catch (ContentDecoding.TooLarge e) {
            return new WireResponse(413, null, null);
        } catch (WireSerializationException e) {
            return WireErrors.serialization(e, responseType);
        }

        WireOperation operation = operations.find(request.header("X-Amz-Target"));
        if (operation == null) {
            return WireErrors.unknownOperation(responseType);
        }
        if (verifier != null) {
            try {
                verifier.verify(request);
            } catch (SigV4Failure e) {
                return WireErrors.of(e.code(), e.getMessage(), 400, responseType);
            }
        }
        if (body.length == 0) {
            return WireErrors.serialization(WireSerializationException.withoutMessage(), responseType);
        }

        SdkRequest sdkRequest;
        try (JsonParser parser = JsonSyntax.FACTORY.createParser(body.bytes, 0, body.length)) {
            sdkRequest = SdkJsonReader.readStructure(parser, operation.requestBuilder());
        } catch (WireSerializationException e) {
            return WireErrors.serialization(e, responseType);
        } catch (IOException e) {
            return WireErrors.serialization(WireSerializationException.withoutMessage(), responseType);
        }

        SdkResponse sdkResponse;
        try {
            sdkResponse = operation.invoke(sdkRequest);
        } catch (Throwable failure) {
            rethrowIfFatal(failure);
            return WireErrors.fromBackend(failure, responseType);
        }
        return success(sdkResponse, responseType);
    }

    private static WireResponse success(SdkResponse response, String responseType) {
        SdkPojo pojo = (SdkPojo) response;
        if (pojo.sdkFields().isEmpty()) {
            // outputs without members (TagResource, UntagResource) have an empty body at AWS
            return new WireResponse(200, responseType, null);
        }
        ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator generator = JsonSyntax.FACTORY.createGenerator(bytes)) {
            SdkJsonWriter.writeStructure(generator, pojo);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write response", e);
        }
        return new WireResponse(200, responseType, bytes.toByteArray());
    }

    private static WireResponse preflight(WireHttpRequest request) {
        WireResponse response = new WireResponse(200, null, null);
        String headers = request.header("Access-Control-Request-Headers");
        if (headers != null) {
            response.header("Access-Control-Allow-Headers", headers);
        }
        String method = request.header("Access-Control-Request-Method");
        if (method != null) {
            response.header("Access-Control-Allow-Methods", method);
        }
        return response.header("Access-Control-Max-Age", "172800");
    }

    /** What AWS answers for anything that is not a JSON POST: an XML-ish 404. */
    private static WireResponse notFound() {
        return WireResponse.text(404, "application/xml", NOT_FOUND_BODY);
    }

    /** {@code application/x-amz-json-1.0; charset=utf-8} is {@code application/x-amz-json-1.0}. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Out-of-memory and similar mean the JVM is in trouble; a bad backend call (even a stack overflow) does not. */
    private static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
            throw (VirtualMachineError) failure;
        }
    }
}

package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse;

/**
 * DynamoDB's JSON 1.0 protocol, independent of the transport: one HTTP request in, one response out. Checks run in
 * the order AWS runs them, so a request with several problems gets the error AWS would give:
 * HTTP method and content type, JSON syntax, target, signature, body presence, member types, then the backend.
 */
final class WireProtocol {

    static final String JSON = "application/json";
    private static final String NOT_FOUND_BODY = "<UnknownOperationException/>\n";

    private final OperationTable operations;
    private final WireBackends backends;
    private final @Nullable SigV4Verifier verifier;
    private final int maxBodyBytes;
    private final String healthText;
    private final boolean inlineReads;
    private final boolean inlineWrites;
    private final BrowserGuard browsers;
    private final WireMonitoring monitoring;

    /**
     * @param verifier    null to accept any (or no) credentials
     * @param inlineReads whether read-only operations may run on the I/O thread (see {@link #runsInline})
     * @param inlineWrites whether item writes may run on the I/O thread too
     * @param browsers    what web pages may do (Host, Origin, CORS), checked before anything else
     * @param monitoring  who is told of each operation answered, and the metrics page (if any)
     */
    WireProtocol(
            OperationTable operations,
            WireBackends backends,
            @Nullable SigV4Verifier verifier,
            int maxBodyBytes,
            String region,
            boolean inlineReads,
            boolean inlineWrites,
            BrowserGuard browsers,
            WireMonitoring monitoring) {
        this.operations = operations;
        this.backends = backends;
        this.verifier = verifier;
        this.maxBodyBytes = maxBodyBytes;
        this.healthText = "healthy: dynamodb." + region + ".amazonaws.com";
        this.inlineReads = inlineReads;
        this.inlineWrites = inlineWrites;
        this.browsers = browsers;
        this.monitoring = monitoring;
    }

    /**
     * Whether this request may be handled on the thread that read it: a read-only operation when the backend's
     * reads never block, an item write when its writes never wait for a disk. Handing a request to a worker and its
     * response back costs two thread wake-ups, more CPU than a small in-memory read or write itself.
     */
    boolean runsInline(WireHttpRequest request) {
        if (!inlineReads && !inlineWrites) {
            return false;
        }
        WireOperation operation = operations.find(request.header("X-Amz-Target"));
        return operation != null && ((inlineReads && operation.readOnly()) || (inlineWrites && operation.itemWrite()));
    }

    WireResponse handle(WireHttpRequest request) {
        WireResponse response = request.kind() == WireHttpRequest.Kind.COMPLETE ? browsers.refusal(request) : null;
        if (response == null) {
            response = respond(request);
            browsers.allow(request, response);
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
            case HEADERS_TOO_LARGE:
                return new WireResponse(431, null, null).closingConnection();
            case LINE_TOO_LONG:
                return new WireResponse(414, null, null).closingConnection();
            case OVERSIZED:
                return new WireResponse(413, null, null);
            case UNAVAILABLE:
                // the server holds as many request bytes as it may: a retryable answer, as DynamoDB's 503
                return WireErrors.of(
                        "ServiceUnavailable",
                        "The service is currently unavailable or busy.",
                        503,
                        WireResponse.AMZ_JSON);
            default:
                break;
        }
        String method = request.method();
        if ("OPTIONS".equals(method) && request.header("Origin") != null) {
            return preflight(request);
        }
        if ("GET".equals(method) && "/".equals(request.rawPath())) {
            // AWS names the host it was asked for ("healthy: dynamodb.us-east-1.amazonaws.com")
            String host = request.header("Host");
            return WireResponse.text(
                    200, "text/plain", host == null || host.isBlank() ? healthText : "healthy: " + host);
        }
        if ("GET".equals(method)
                && monitoring.metricsPage() != null
                && WireMonitoring.METRICS_PATH.equals(request.rawPath())) {
            return WireResponse.text(
                    200,
                    WireMonitoring.METRICS_CONTENT_TYPE,
                    monitoring.metricsPage().get());
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
            body = ContentDecoding.decode(
                    request.header("Content-Encoding"), request.body(), request.bodyLength(), maxBodyBytes);
        } catch (ContentDecoding.TooLarge e) {
            return new WireResponse(413, null, null);
        } catch (ContentDecoding.Undecodable e) {
            return WireErrors.internalServerError(responseType);
        }

        // A body that is not one JSON document is AWS's first answer, before target and signature. The check is a
        // full parse, so it runs here only when a later check fails; on the way to the backend, the one parse that
        // builds the request detects bad syntax itself.
        WireOperation operation = operations.find(request.header("X-Amz-Target"));
        if (operation == null) {
            return syntaxErrorOr(body, WireErrors.unknownOperation(responseType), responseType);
        }
        if (monitoring.observer() == null) {
            return handleOperation(request, body, operation, responseType);
        }
        long start = System.nanoTime();
        WireResponse response = handleOperation(request, body, operation, responseType);
        monitoring
                .observer()
                .answered(operation.name(), response.errorCode(), response.status(), System.nanoTime() - start);
        return response;
    }

    /** The operation's answer once its target is known: signature, request, backend. */
    private WireResponse handleOperation(
            WireHttpRequest request, ContentDecoding.Body body, WireOperation operation, String responseType) {
        if (verifier != null) {
            try {
                verifier.verify(request);
            } catch (SigV4Failure e) {
                return syntaxErrorOr(body, WireErrors.of(e.code(), e.getMessage(), 400, responseType), responseType);
            }
        }
        // the credential scope's region and access key choose the region and account whose tables answer
        WireBackends.Backend backend;
        try {
            CredentialScope scope = CredentialScope.of(request.header("Authorization"));
            backend = backends.backend(scope.accessKeyId(), scope.region());
        } catch (Throwable failure) {
            rethrowIfFatal(failure);
            return syntaxErrorOr(body, WireErrors.fromBackend(failure, responseType), responseType);
        }
        if (body.length == 0) {
            return WireErrors.serialization(WireSerializationException.withoutMessage(), responseType);
        }

        SdkRequest sdkRequest;
        try {
            sdkRequest = readRequest(body, operation);
        } catch (WireSerializationException e) {
            return syntaxErrorOr(body, WireErrors.serialization(e, responseType), responseType);
        } catch (IOException e) {
            // Jackson's syntax errors (and its nesting limit) are IOExceptions
            return WireErrors.serialization(WireSerializationException.withoutMessage(), responseType);
        } catch (RuntimeException e) {
            WireResponse syntax = syntaxError(body, responseType);
            if (syntax != null) {
                return syntax;
            }
            throw e;
        }

        SdkResponse sdkResponse;
        try {
            sdkResponse = operation.invoke(backend, sdkRequest);
        } catch (Throwable failure) {
            rethrowIfFatal(failure);
            return WireErrors.fromBackend(failure, responseType);
        }
        return success(ownAddress(sdkResponse, request.header("Host")), responseType);
    }

    /**
     * DescribeEndpoints names the endpoint to use from now on: over the wire that is this server, as the client reached
     * it (its Host header), not AWS's regional name (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html).
     */
    private static SdkResponse ownAddress(SdkResponse response, String host) {
        if (response instanceof DescribeEndpointsResponse endpoints && host != null && !host.isBlank()) {
            return endpoints.toBuilder()
                    .endpoints(endpoints.endpoints().stream()
                            .map(e -> e.toBuilder().address(host).build())
                            .toList())
                    .build();
        }
        return response;
    }

    /**
     * Reads the request in one pass and insists, as {@link JsonSyntax#check} does, that the body is exactly one JSON
     * value: not only whitespace, nothing after it.
     */
    private static SdkRequest readRequest(ContentDecoding.Body body, WireOperation operation) throws IOException {
        try (JsonParser parser = JsonSyntax.parser(body.bytes, body.length)) {
            SdkRequest sdkRequest = SdkJsonReader.readStructure(parser, operation.requestBuilder());
            if (parser.currentToken() == null || parser.nextToken() != null) {
                throw new JsonParseException(parser, "not exactly one JSON value");
            }
            return sdkRequest;
        }
    }

    /**
     * The syntax error AWS gives first when the body is not one JSON document; otherwise {@code otherwise}. A
     * member-type error found part-way through a document whose tail is malformed is still a syntax error at AWS.
     */
    private static WireResponse syntaxErrorOr(ContentDecoding.Body body, WireResponse otherwise, String responseType) {
        WireResponse syntax = syntaxError(body, responseType);
        return syntax != null ? syntax : otherwise;
    }

    private static @Nullable WireResponse syntaxError(ContentDecoding.Body body, String responseType) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonSyntax.check(body.bytes, body.length);
            return null;
        } catch (WireSerializationException e) {
            return WireErrors.serialization(e, responseType);
        }
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
    private static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /** Out-of-memory and similar mean the JVM is in trouble; a bad backend call (even a stack overflow) does not. */
    private static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError)) {
            throw (VirtualMachineError) failure;
        }
    }
}

package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.error.EngineErrors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/** Engine exceptions become exactly the error bodies AWS sends. */
class WireErrorsTest {

    private static final String TYPE = WireResponse.AMZ_JSON;

    @Test
    void validationExceptionIsInTheCoralValidateNamespace() {
        WireResponse response = WireErrors.fromBackend(EngineErrors.validation("bad input"), TYPE);
        assertThat(response.status()).isEqualTo(400);
        assertThat(body(response))
                .isEqualTo("{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"bad input\"}");
    }

    @Test
    void modelledErrorsAreInTheDynamoDbNamespace() {
        assertThat(body(WireErrors.fromBackend(EngineErrors.resourceNotFound(), TYPE)))
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                        + "\"message\":\"Requested resource not found\"}");
        assertThat(body(WireErrors.fromBackend(EngineErrors.of("ThrottlingException", "slow down", 400), TYPE)))
                .startsWith("{\"__type\":\"com.amazon.coral.availability#ThrottlingException\"");
    }

    @Test
    void conditionalCheckFailedCarriesTheItem() {
        WireResponse response = WireErrors.fromBackend(
                EngineErrors.conditionalCheckFailed(Map.of("pk", AttributeValue.fromS("a"))), TYPE);
        assertThat(body(response))
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"Item\":{\"pk\":{\"S\":\"a\"}},\"Message\":\"The conditional request failed\"}");
        // without the item AWS's key is lower-case, as for other errors
        assertThat(body(WireErrors.fromBackend(EngineErrors.conditionalCheckFailed(null), TYPE)))
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\"}");
    }

    @Test
    void transactionCanceledCarriesReasonsAndACapitalisedMessage() {
        WireResponse response = WireErrors.fromBackend(
                EngineErrors.transactionCanceled(List.of(
                        CancellationReason.builder().code("None").build(),
                        CancellationReason.builder()
                                .code("ConditionalCheckFailed")
                                .message("The conditional request failed")
                                .item(Map.of("n", AttributeValue.fromN("1")))
                                .build())),
                TYPE);
        assertThat(body(response))
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
                        + "\"CancellationReasons\":[{\"Code\":\"None\"},"
                        + "{\"Item\":{\"n\":{\"N\":\"1\"}},\"Code\":\"ConditionalCheckFailed\","
                        + "\"Message\":\"The conditional request failed\"}],"
                        + "\"Message\":\"Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + "[None, ConditionalCheckFailed]\"}");
    }

    @Test
    void unexpectedFailuresAre500AndUnimplementedOperationsUnknown() {
        WireResponse fault = WireErrors.fromBackend(new NullPointerException(), TYPE);
        assertThat(fault.status()).isEqualTo(500);
        assertThat(body(fault)).contains("#InternalServerError");
        assertThat(body(WireErrors.fromBackend(new UnsupportedOperationException(), TYPE)))
                .isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertThat(WireErrors.fromBackend(EngineErrors.of("InternalServerError", "Internal server error", 0), TYPE)
                        .status())
                .isEqualTo(500);
    }

    private static String body(WireResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}

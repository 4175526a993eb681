package dev.singletable.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** The review projection moves a product's totals once per record, however often the record is delivered. */
@FullStackTest
class ReviewProjectorTest {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime());

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    ReviewProjector projector;

    @Test
    void insertModifyAndRemoveEachCountOnceWhenDeliveredTwice() {
        Api api = new Api(http);
        TestUser admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        String sku = Api.uniqueName("RP").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Projected",
                                "category",
                                "projector-test",
                                "priceCents",
                                100,
                                "stock",
                                1),
                        admin)
                .expectStatus()
                .isCreated();

        Record insert = record(OperationType.INSERT, null, review(sku, 3));
        projector.apply(insert);
        projector.apply(insert);
        assertTotals(api, sku, 1, 3);

        Record modify = record(OperationType.MODIFY, review(sku, 3), review(sku, 5));
        projector.apply(modify);
        projector.apply(modify);
        assertTotals(api, sku, 1, 5);

        Record commentOnly = record(OperationType.MODIFY, review(sku, 5), review(sku, 5));
        projector.apply(commentOnly);
        assertTotals(api, sku, 1, 5);

        Record remove = record(OperationType.REMOVE, review(sku, 5), null);
        projector.apply(remove);
        projector.apply(remove);
        assertTotals(api, sku, 0, 0);
    }

    private static void assertTotals(Api api, String sku, long count, long total) {
        Totals totals = api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody(Totals.class)
                .returnResult()
                .getResponseBody();
        assertThat(totals.reviewCount()).isEqualTo(count);
        assertThat(totals.averageRating()).isEqualTo(count == 0 ? null : (double) total / count);
    }

    private static Map<String, AttributeValue> review(String sku, int rating) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("PK", AttributeValue.fromS("PRODUCT#" + sku));
        image.put("SK", AttributeValue.fromS("REVIEW#someone"));
        image.put("entityType", AttributeValue.fromS("Review"));
        image.put("sku", AttributeValue.fromS(sku));
        image.put("rating", AttributeValue.fromN(Integer.toString(rating)));
        return image;
    }

    private static Record record(
            OperationType event, Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        StreamRecord.Builder data =
                StreamRecord.builder().sequenceNumber("review-projector-test-" + SEQUENCE.incrementAndGet());
        if (oldImage != null) {
            data.oldImage(oldImage);
        }
        if (newImage != null) {
            data.newImage(newImage);
        }
        return Record.builder().eventName(event).dynamodb(data.build()).build();
    }

    record Totals(long reviewCount, Double averageRating) {}
}

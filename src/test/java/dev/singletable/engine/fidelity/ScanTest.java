package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Scan: filters, projections, Select, Limit and paging, parallel segments, and their errors. DynamoDB does not
 * specify Scan order (and DynamoDB Local's differs from AWS's hash order), so whole scans are compared as multisets
 * and paged scans by the union of their pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanTest extends DifferentialTest {

    private static final Map<String, AttributeValue> VALUES = Map.ofEntries(
            Map.entry(":zero", n("0")),
            Map.entry(":one", n("1")),
            Map.entry(":two", n("2")),
            Map.entry(":five", n("5")),
            Map.entry(":p3", s("p3")),
            Map.entry(":x", s("x")),
            Map.entry(":item", s("item")));
    private String table;
    private String ranged;

    @BeforeAll
    void createTables() {
        table = hashTable("pk", ScalarAttributeType.S);
        ranged = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        for (int i = 0; i < 40; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("p" + i));
            item.put("v", n(Integer.toString(i % 3)));
            item.put("s", s("item" + i));
            if (i % 5 == 0) {
                item.put("m", av("{'M':{'a':{'N':'" + i + "'}}}"));
            }
            onBoth(c -> c.putItem(r -> r.tableName(table).item(item)));
            Map<String, AttributeValue> ri = new HashMap<>(item);
            ri.put("pk", s("p" + (i % 7)));
            ri.put("sk", n(Integer.toString(i)));
            onBoth(c -> c.putItem(r -> r.tableName(ranged).item(ri)));
        }
    }

    private ScanRequest.Builder scan(String t, String filter, String projection) {
        return ScanRequest.builder()
                .tableName(t)
                .filterExpression(filter)
                .projectionExpression(projection)
                .expressionAttributeValues(Placeholders.values(VALUES, filter));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v = :one",
                "v <> :one",
                "attribute_exists(m)",
                "m.a > :five",
                "begins_with(s, :item)",
                "pk = :p3",
                "v = :one AND attribute_not_exists(m)",
                "size(s) = :five",
                "contains(s, :x)",
                "sk > :five"
            })
    void filters(String filter) {
        sameIgnoringOrder(c -> c.scan(scan(table, filter, null).build()));
        sameIgnoringOrder(c -> c.scan(scan(ranged, filter, null).build()));
        same(c -> c.scan(scan(ranged, filter, null).select("COUNT").build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v = :undefined", "v =", "", "v = :one OR", "size(v) = :one AND"})
    void filterErrors(String filter) {
        same(c -> c.scan(scan(table, filter, null).build()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "null|null",
                "ALL_ATTRIBUTES|null",
                "COUNT|null",
                "SPECIFIC_ATTRIBUTES|s",
                "null|m.a, v",
                "SPECIFIC_ATTRIBUTES|null",
                "ALL_PROJECTED_ATTRIBUTES|null",
                "COUNT|s",
                "ALL_ATTRIBUTES|s"
            })
    void selectAndProjection(String select, String projection) {
        sameIgnoringOrder(
                c -> c.scan(scan(table, null, projection).select(select).build()));
    }

    /** Every item once over all pages, with the same page count and Count/ScannedCount totals. */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 40, 41, 100})
    void pagesCoverEveryItemOnce(int limit) {
        sameUnion(scan(table, null, null).limit(limit));
        sameUnion(scan(ranged, "v = :one", "pk, sk").limit(limit));
        sameUnion(scan(ranged, null, null).limit(limit).select("COUNT"));
    }

    @ParameterizedTest
    @CsvSource({"1,0", "2,0", "2,1", "3,2", "4,1", "7,6", "40,39", "100,50", "1000000,999999"})
    void parallelScanSegmentsPartitionTheTable(int total, int segment) {
        List<Map<String, AttributeValue>> oursAll = new ArrayList<>();
        List<Map<String, AttributeValue>> localAll = new ArrayList<>();
        for (int s = 0; s < Math.min(total, 8); s++) {
            int seg = total <= 8 ? s : segment;
            oursAll.addAll(all(ours, scan(table, null, null).segment(seg).totalSegments(total)));
            localAll.addAll(all(local, scan(table, null, null).segment(seg).totalSegments(total)));
        }
        if (total <= 8) {
            assertThat(render(oursAll)).containsExactlyInAnyOrderElementsOf(render(localAll));
            assertThat(oursAll).hasSize(40);
        }
        // which items a segment holds depends on each engine's hashing: only success is comparable
        ScanRequest one = scan(table, "v = :two", null)
                .segment(segment)
                .totalSegments(total)
                .select("COUNT")
                .build();
        assertThat(oursOnly(c -> c.scan(one)).isError()).isFalse();
        local.scan(one);
    }

    @Test
    void totalSegmentsOverTheLimit() {
        same(c ->
                c.scan(scan(table, null, null).segment(0).totalSegments(1000001).build()));
    }

    /**
     * DynamoDB Local still words these as "If segment is specified, total segment must also be specified" and
     * "Value '1' at 'segment' ..."; AWS's wording is recorded by the nubo-db/dynamodb-conformance suite (validated
     * against DynamoDB).
     */
    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            delimiter = '|',
            value = {
                "0|null|The TotalSegments parameter is required but was not present in the request when Segment parameter is "
                        + "present",
                "null|1|The Segment parameter is required but was not present in the request when parameter TotalSegments is "
                        + "present",
                "1|1|The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 1 is not "
                        + "less than TotalSegments: 1",
                "2|1|The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not "
                        + "less than TotalSegments: 1",
                "5|4|The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not "
                        + "less than TotalSegments: 4",
                "3|3|The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not "
                        + "less than TotalSegments: 3"
            })
    void segmentErrors(Integer segment, Integer total, String awsMessage) {
        awsDiffers(
                c -> c.scan(scan(table, null, null)
                        .segment(segment)
                        .totalSegments(total)
                        .build()),
                "ValidationException",
                awsMessage);
    }

    /** AWS checks the Smithy ranges of both members first; DynamoDB Local compares segment with totalSegments. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-1|2|Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0",
                "0|0|Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal "
                        + "to 1",
                "0|-1|Value '-1' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or "
                        + "equal to 1"
            })
    void segmentRangeErrors(int segment, int total, String violation) {
        awsDiffers(
                c -> c.scan(scan(table, null, null)
                        .segment(segment)
                        .totalSegments(total)
                        .build()),
                "ValidationException",
                "1 validation error detected: " + violation);
    }

    @Test
    void badStartKeysAndLimits() {
        // DynamoDB Local: "Type mismatch for attribute to update"
        awsDiffers(
                c -> c.scan(scan(table, null, null)
                        .exclusiveStartKey(Map.of("pk", n("1")))
                        .build()),
                "ValidationException",
                "The provided starting key is invalid: The provided key element does not match " + "the schema");
        // a start key of the wrong size: DynamoDB Local "Exclusive Start Key must have same size as table's key
        // schema"; AWS's Scan of a table (as ExtendDB and floci record it from AWS) names the schema mismatch
        for (Map<String, AttributeValue> start :
                List.of(Map.of("pk", s("p1"), "x", s("y")), Map.<String, AttributeValue>of())) {
            awsDiffers(
                    c -> c.scan(scan(table, null, null).exclusiveStartKey(start).build()),
                    "ValidationException",
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
        same(c -> c.scan(scan(table, null, null)
                .exclusiveStartKey(Map.of("other", s("p1")))
                .build()));
        awsDiffers(
                c -> c.scan(scan(ranged, null, null)
                        .exclusiveStartKey(Map.of("pk", s("p1")))
                        .build()),
                "ValidationException",
                "The provided starting key is invalid: The provided key element does not match " + "the schema");
        awsDiffers(
                c -> c.scan(scan(table, null, null).limit(0).build()),
                "ValidationException",
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value "
                        + "greater than or equal to 1");
        same(c -> c.scan(scan("no_such_table", null, null).build()));
        same(c -> c.scan(scan(table, null, null).indexName("no_such_index").build()));
        sameIgnoringOrder(
                c -> c.scan(scan(table, null, null).consistentRead(true).build()));
    }

    @Test
    void aStartKeyOfAMissingItemIsAccepted() {
        sameUnion(scan(table, null, null)
                .exclusiveStartKey(Map.of("pk", s("not-there")))
                .limit(1000));
    }

    /** AWS stops a page before the item that would cross 1 MB; DynamoDB Local includes it (see QueryTest). */
    @Test
    void aPageStopsBeforeTheItemThatWouldCrossOneMegabyte() {
        String big = hashTable("pk", ScalarAttributeType.S);
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            Map<String, AttributeValue> item = Map.of("pk", s("b" + i), "payload", s(payload));
            onBoth(c -> c.putItem(r -> r.tableName(big).item(item)));
        }
        ScanResponse first = ours.scan(scan(big, null, "pk").build());
        assertThat(first.scannedCount()).isEqualTo(10);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        if (Oracle.localIsDynamoDbLocal()) {
            assertThat(local.scan(scan(big, null, "pk").build()).scannedCount())
                    .as("DynamoDB Local returns the crossing item")
                    .isEqualTo(11);
        }
        List<Object> mine = new ArrayList<>();
        assertThat(pages(ours, scan(big, null, "pk"), mine)[0]).isEqualTo(3);
        assertThat(mine).hasSize(25);
    }

    /** Both engines page through the whole scan: the same items overall, the same number of pages and counts. */
    private void sameUnion(ScanRequest.Builder first) {
        ScenarioCount.record(false);
        List<Object> mine = new ArrayList<>();
        List<Object> theirs = new ArrayList<>();
        int[] minePages = pages(ours, first, mine);
        int[] theirPages = pages(local, first, theirs);
        assertThat(mine).containsExactlyInAnyOrderElementsOf(theirs);
        assertThat(minePages).isEqualTo(theirPages);
    }

    private static int[] pages(DynamoDbClient client, ScanRequest.Builder first, List<Object> into) {
        Map<String, AttributeValue> start = null;
        int pages = 0;
        int count = 0;
        int scanned = 0;
        do {
            ScanResponse page =
                    client.scan(first.copy().exclusiveStartKey(start).build());
            page.items().forEach(i -> into.add(Outcome.render(i, VOLATILE)));
            count += page.count();
            scanned += page.scannedCount();
            pages++;
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && pages < 1000);
        return new int[] {pages, count, scanned};
    }

    private static List<Map<String, AttributeValue>> all(DynamoDbClient client, ScanRequest.Builder first) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page =
                    client.scan(first.copy().exclusiveStartKey(start).build());
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static List<Object> render(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> Outcome.render(i, VOLATILE)).toList();
    }
}

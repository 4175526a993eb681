package dev.singletable.engine.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Stream labels and ARNs as DynamoDB forms them [1]: the label is the enabling time, to the millisecond, in UTC.
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for DynamoDB Streams</a>
 */
final class Streams {

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Streams() {}

    /** Turns the stream on in the builder with a fresh label and ARN. */
    static void enable(TableDefinition.Builder b, StreamViewType viewType, Instant now) {
        String label = LABEL.format(now);
        if (label.equals(b.latestStreamLabel)) {
            // Re-enabled within the same millisecond: DynamoDB's labels are unique per table, so move on by one.
            label = LABEL.format(now.plusMillis(1));
        }
        b.streamEnabled = true;
        b.streamViewType = viewType;
        b.latestStreamLabel = label;
        b.latestStreamArn = b.arn + "/stream/" + label;
    }

    /** Turns the stream off; the latest stream ARN and label stay visible, as in DynamoDB. */
    static void disable(TableDefinition.Builder b) {
        b.streamEnabled = false;
        b.streamViewType = null;
    }
}

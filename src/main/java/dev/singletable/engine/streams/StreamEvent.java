package dev.singletable.engine.streams;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * One stream record as kept by the engine: only the images the stream's view type shows are held (they are the
 * stored items' own immutable maps, not copies); what a client sees is AWS's StreamRecord [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html">StreamRecord</a>
 *
 * @param sequence  the record's sequence number value (see {@link SequenceNumbers})
 * @param sizeBytes DynamoDB's SizeBytes: the keys plus the images the record carries
 * @param newImage  the item after the change, when the view type shows it and the change left an item
 * @param oldImage  the item before the change, when the view type shows it and there was one
 * @param byService true for a deletion made by the engine (TTL), reported with the service's identity
 */
record StreamEvent(
        long sequence,
        OperationType eventName,
        long timeMillis,
        Map<String, AttributeValue> keys,
        @Nullable Map<String, AttributeValue> newImage,
        @Nullable Map<String, AttributeValue> oldImage,
        long sizeBytes,
        boolean byService) {}

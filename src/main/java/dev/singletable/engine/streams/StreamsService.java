package dev.singletable.engine.streams;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.SequenceNumberRange;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.Stream;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;

/**
 * The DynamoDB Streams API: ListStreams [1], DescribeStream [2], GetShardIterator [3] and GetRecords [4], with
 * DynamoDB's limits (100 streams or shards per page, 1000 records or 1 MB per GetRecords), its 15-minute iterator
 * lifetime and its 24-hour retention [5]. Each record is shaped as AWS's Record [6]: a deletion by TTL carries the
 * service's identity.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_ListStreams.html">ListStreams</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_DescribeStream.html">DescribeStream</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html">GetShardIterator</a><br>
 * [4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html">GetRecords</a><br>
 * [5] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for DynamoDB Streams</a><br>
 * [6] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html">Record</a>
 */
public final class StreamsService {

    static final long ITERATOR_LIFETIME_MILLIS = 15L * 60 * 1000;
    private static final int MAX_PAGE = 100;
    private static final int MAX_RECORDS = 1000;
    private static final long MAX_RECORD_BYTES = 1024 * 1024;
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/[^/]+");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final StreamStore store;
    private final Clock clock;
    private final String region;

    public StreamsService(StreamStore store, Clock clock, String region) {
        this.store = store;
        this.clock = clock;
        this.region = region;
    }

    public ListStreamsResponse listStreams(ListStreamsRequest r) {
        Shapes shapes = new Shapes();
        shapes.limit(r.limit(), MAX_PAGE);
        shapes.length("exclusiveStartStreamArn", r.exclusiveStartStreamArn(), 37, 1024);
        if (r.tableName() != null) {
            shapes.length("tableName", r.tableName(), 3, 255);
            shapes.pattern("tableName", r.tableName(), TABLE_NAME);
        }
        shapes.check();
        if (r.exclusiveStartStreamArn() != null
                && !STREAM_ARN.matcher(r.exclusiveStartStreamArn()).matches()) {
            throw StreamErrors.validation("Invalid StreamArn");
        }
        int limit = r.limit() == null ? MAX_PAGE : r.limit();
        store.trim(clock.millis());
        List<Stream> out = new ArrayList<>();
        String last = store.read(() -> {
            List<TableStream> page = store.list(r.tableName(), r.exclusiveStartStreamArn(), limit);
            for (int i = 0; i < Math.min(limit, page.size()); i++) {
                TableStream s = page.get(i);
                out.add(Stream.builder()
                        .streamArn(s.arn)
                        .tableName(s.tableName)
                        .streamLabel(s.label)
                        .build());
            }
            return page.size() > limit ? page.get(limit - 1).arn : null;
        });
        return ListStreamsResponse.builder()
                .streams(out)
                .lastEvaluatedStreamArn(last)
                .build();
    }

    public DescribeStreamResponse describeStream(DescribeStreamRequest r) {
        Shapes shapes = new Shapes();
        shapes.required("streamArn", r.streamArn());
        shapes.length("streamArn", r.streamArn(), 37, 1024);
        shapes.limit(r.limit(), MAX_PAGE);
        shapes.length("exclusiveStartShardId", r.exclusiveStartShardId(), 28, 65);
        if (r.shardFilter() != null) {
            // a filter must say what it filters and of which shard (AWS refuses either missing, or an unknown type)
            shapes.required("shardFilter.type", r.shardFilter().typeAsString());
            shapes.enumValue(
                    "shardFilter.type",
                    r.shardFilter().typeAsString(),
                    r.shardFilter().type(),
                    ShardFilterType.knownValues());
            shapes.required("shardFilter.shardId", r.shardFilter().shardId());
            shapes.length("shardFilter.shardId", r.shardFilter().shardId(), 28, 65);
        }
        shapes.check();
        int limit = r.limit() == null ? MAX_PAGE : r.limit();
        TableStream stream = requireStream(r.streamArn());
        StreamDescription description = store.read(() -> {
            List<software.amazon.awssdk.services.dynamodb.model.Shard> shards = new ArrayList<>();
            String lastEvaluated = null;
            String childrenOf = r.shardFilter() != null && r.shardFilter().type() == ShardFilterType.CHILD_SHARDS
                    ? r.shardFilter().shardId()
                    : null;
            for (Shard shard : stream.shards) {
                if (r.exclusiveStartShardId() != null && shard.id.compareTo(r.exclusiveStartShardId()) <= 0) {
                    continue;
                }
                if (childrenOf != null && !childrenOf.equals(shard.parentId)) {
                    continue;
                }
                if (shards.size() == limit) {
                    lastEvaluated = shards.get(limit - 1).shardId();
                    break;
                }
                shards.add(describe(shard));
            }
            return StreamDescription.builder()
                    .streamArn(stream.arn)
                    .streamLabel(stream.label)
                    .streamStatus(stream.enabled() ? StreamStatus.ENABLED : StreamStatus.DISABLED)
                    .streamViewType(stream.viewType)
                    .creationRequestDateTime(Instant.ofEpochMilli(stream.createdMillis))
                    .tableName(stream.tableName)
                    .keySchema(stream.keySchema.toKeySchema())
                    .shards(shards)
                    .lastEvaluatedShardId(lastEvaluated)
                    .build();
        });
        return DescribeStreamResponse.builder().streamDescription(description).build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.Shard describe(Shard shard) {
        SequenceNumberRange.Builder range =
                SequenceNumberRange.builder().startingSequenceNumber(SequenceNumbers.format(shard.startingSequence));
        if (!shard.isOpen()) {
            range.endingSequenceNumber(SequenceNumbers.format(shard.endingSequence()));
        }
        return software.amazon.awssdk.services.dynamodb.model.Shard.builder()
                .shardId(shard.id)
                .parentShardId(shard.parentId)
                .sequenceNumberRange(range.build())
                .build();
    }

    public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest r) {
        Shapes shapes = new Shapes();
        shapes.required("streamArn", r.streamArn());
        shapes.length("streamArn", r.streamArn(), 37, 1024);
        shapes.required("shardId", r.shardId());
        shapes.length("shardId", r.shardId(), 28, 65);
        shapes.required("shardIteratorType", r.shardIteratorTypeAsString());
        shapes.enumValue(
                "shardIteratorType",
                r.shardIteratorTypeAsString(),
                r.shardIteratorType(),
                ShardIteratorType.knownValues());
        shapes.length("sequenceNumber", r.sequenceNumber(), 21, 40);
        shapes.check();
        ShardIteratorType type = r.shardIteratorType();
        boolean needsSequence =
                type == ShardIteratorType.AT_SEQUENCE_NUMBER || type == ShardIteratorType.AFTER_SEQUENCE_NUMBER;
        if (needsSequence && r.sequenceNumber() == null) {
            throw StreamErrors.validation("SequenceNumber cannot be null");
        }
        if (!needsSequence && r.sequenceNumber() != null) {
            throw StreamErrors.validation("SequenceNumber should not be passed for this iterator type");
        }
        long requested = -1;
        if (needsSequence) {
            requested = SequenceNumbers.parse(r.sequenceNumber());
            if (requested < 0) {
                throw StreamErrors.validation("Invalid SequenceNumber");
            }
        }
        long now = clock.millis();
        TableStream stream = requireStream(r.streamArn());
        long position = positionOf(stream, r.shardId(), type, requested);
        String iterator = ShardIterators.encode(new ShardIterators.Position(stream.arn, r.shardId(), position, now));
        return GetShardIteratorResponse.builder().shardIterator(iterator).build();
    }

    private long positionOf(TableStream stream, String shardId, ShardIteratorType type, long requested) {
        long position = store.read(() -> {
            Shard shard = stream.shard(shardId);
            if (shard == null) {
                return -1L;
            }
            switch (type) {
                case TRIM_HORIZON:
                    return Math.max(shard.startingSequence, shard.trimmedThrough() + 1);
                case LATEST:
                    return shard.isOpen() ? shard.nextSequence() : shard.endingSequence() + 1;
                default:
                    if (requested <= shard.trimmedThrough()) {
                        return -2L;
                    }
                    long last = shard.isOpen() ? shard.nextSequence() - 1 : shard.endingSequence();
                    if (requested < shard.startingSequence || requested > Math.max(last, shard.startingSequence)) {
                        return -3L;
                    }
                    return type == ShardIteratorType.AT_SEQUENCE_NUMBER ? requested : requested + 1;
            }
        });
        if (position == -1L) {
            throw StreamErrors.shardNotFound();
        }
        if (position == -2L) {
            throw StreamErrors.trimmed();
        }
        if (position == -3L) {
            throw StreamErrors.validation("Invalid SequenceNumber for the shard");
        }
        return position;
    }

    public GetRecordsResponse getRecords(GetRecordsRequest r) {
        Shapes shapes = new Shapes();
        shapes.required("shardIterator", r.shardIterator());
        shapes.length("shardIterator", r.shardIterator(), 1, 2048);
        shapes.minimum("limit", r.limit(), 1);
        shapes.check();
        if (r.limit() != null && r.limit() > MAX_RECORDS) {
            throw StreamErrors.validation("One or more parameter values were invalid: Limit should be less than or "
                    + "equal to " + MAX_RECORDS);
        }
        ShardIterators.Position position = ShardIterators.decode(r.shardIterator());
        if (position == null) {
            throw StreamErrors.validation("Invalid ShardIterator");
        }
        long now = clock.millis();
        if (now - position.issuedMillis() > ITERATOR_LIFETIME_MILLIS) {
            throw StreamErrors.expiredIterator();
        }
        store.trim(now);
        TableStream stream = store.stream(position.streamArn());
        if (stream == null) {
            throw StreamErrors.streamNotFound(position.streamArn());
        }
        int limit = r.limit() == null ? MAX_RECORDS : r.limit();
        List<StreamEvent> events = new ArrayList<>();
        long[] next = new long[1];
        boolean[] ended = new boolean[1];
        int outcome = store.read(() -> {
            Shard shard = stream.shard(position.shardId());
            if (shard == null) {
                return 1;
            }
            if (position.nextSequence() <= shard.trimmedThrough()) {
                return 2;
            }
            long bytes = 0;
            int i = shard.indexAtOrAfter(position.nextSequence());
            long nextSequence = position.nextSequence();
            while (i < shard.size() && events.size() < limit) {
                StreamEvent e = shard.get(i);
                if (!events.isEmpty() && bytes + e.sizeBytes() > MAX_RECORD_BYTES) {
                    break;
                }
                events.add(e);
                bytes += e.sizeBytes();
                nextSequence = e.sequence() + 1;
                i++;
            }
            next[0] = nextSequence;
            ended[0] = !shard.isOpen() && i >= shard.size();
            return 0;
        });
        if (outcome == 1) {
            throw StreamErrors.iteratorShardGone();
        }
        if (outcome == 2) {
            throw StreamErrors.trimmed();
        }
        List<Record> records = new ArrayList<>(events.size());
        for (StreamEvent e : events) {
            records.add(toRecord(stream, e));
        }
        String nextIterator = ended[0]
                ? null
                : ShardIterators.encode(new ShardIterators.Position(stream.arn, position.shardId(), next[0], now));
        return GetRecordsResponse.builder()
                .records(records)
                .nextShardIterator(nextIterator)
                .build();
    }

    private Record toRecord(TableStream stream, StreamEvent e) {
        StreamRecord.Builder data = StreamRecord.builder()
                .approximateCreationDateTime(Instant.ofEpochSecond(e.timeMillis() / 1000))
                .keys(e.keys())
                .sequenceNumber(SequenceNumbers.format(e.sequence()))
                .sizeBytes(e.sizeBytes())
                .streamViewType(stream.viewType);
        if (e.newImage() != null) {
            data.newImage(e.newImage());
        }
        if (e.oldImage() != null) {
            data.oldImage(e.oldImage());
        }
        Record.Builder record = Record.builder()
                .eventID(eventId(stream.arn, e.sequence()))
                .eventName(e.eventName())
                .eventVersion("1.1")
                .eventSource("aws:dynamodb")
                .awsRegion(region)
                .dynamodb(data.build());
        if (e.byService()) {
            record.userIdentity(Identity.builder()
                    .type("Service")
                    .principalId("dynamodb.amazonaws.com")
                    .build());
        }
        return record.build();
    }

    /** A stable, unique 32-hex-digit event id (DynamoDB's are 32 hex digits too). */
    private static String eventId(String streamArn, long sequence) {
        return UUID.nameUUIDFromBytes((streamArn + "#" + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }

    private TableStream requireStream(String arn) {
        if (!STREAM_ARN.matcher(arn).matches()) {
            throw StreamErrors.validation("Invalid StreamArn");
        }
        store.trim(clock.millis());
        TableStream stream = store.stream(arn);
        if (stream == null) {
            throw StreamErrors.streamNotFound(arn);
        }
        return stream;
    }

    /** Smithy-style request-shape checks, collected and reported together as AWS does. */
    private static final class Shapes {
        private final List<String> violations = new ArrayList<>();

        void required(String member, @Nullable Object value) {
            if (value == null) {
                violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            }
        }

        void length(String member, @Nullable String value, int min, int max) {
            if (value == null) {
                return;
            }
            if (value.length() < min) {
                violations.add(prefix(member, value) + "Member must have length greater than or equal to " + min);
            } else if (value.length() > max) {
                violations.add(prefix(member, value) + "Member must have length less than or equal to " + max);
            }
        }

        void pattern(String member, @Nullable String value, Pattern pattern) {
            if (value != null && !pattern.matcher(value).matches()) {
                violations.add(
                        prefix(member, value) + "Member must satisfy regular expression pattern: " + pattern.pattern());
            }
        }

        void minimum(String member, @Nullable Integer value, int min) {
            if (value != null && value < min) {
                violations.add(prefix(member, value) + "Member must have value greater than or equal to " + min);
            }
        }

        void limit(@Nullable Integer value, int max) {
            minimum("limit", value, 1);
            if (value != null && value > max) {
                violations.add(prefix("limit", value) + "Member must have value less than or equal to " + max);
            }
        }

        void enumValue(String member, @Nullable String raw, @Nullable Object parsed, java.util.Set<?> known) {
            if (raw != null && (parsed == null || !known.contains(parsed))) {
                violations.add(prefix(member, raw) + "Member must satisfy enum value set: " + known);
            }
        }

        private static String prefix(String member, Object value) {
            return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: ";
        }

        void check() {
            if (!violations.isEmpty()) {
                String count = violations.size() + " validation error" + (violations.size() == 1 ? "" : "s");
                throw StreamErrors.validation(count + " detected: " + String.join("; ", violations));
            }
        }
    }
}

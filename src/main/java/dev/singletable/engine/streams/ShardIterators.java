package dev.singletable.engine.streams;

import dev.singletable.engine.durability.ByteReader;
import dev.singletable.engine.durability.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Shard iterators: opaque to clients, shaped like DynamoDB's ({@code <stream ARN>|1|<token>}, at most 2048 characters
 * [1]). The token holds the shard, the position (the sequence number of the next record to return) and when the
 * iterator was issued (it expires after 15 minutes [2]), under a checksum, so a made-up or damaged iterator is refused
 * rather than misread.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html">GetRecords</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetShardIterator.html">GetShardIterator</a>
 */
final class ShardIterators {

    /** Where an iterator points. */
    record Position(String streamArn, String shardId, long nextSequence, long issuedMillis) {}

    private ShardIterators() {}

    static String encode(Position p) {
        ByteWriter w = new ByteWriter(64);
        w.string(p.shardId()).varint(p.nextSequence()).i64(p.issuedMillis());
        w.i32(checksum(p.streamArn(), w.array(), w.size()));
        return p.streamArn() + "|1|" + Base64.getUrlEncoder().withoutPadding().encodeToString(w.toByteArray());
    }

    /** The position, or null when the text is not an iterator this engine issued. */
    static @Nullable Position decode(String iterator) {
        int bar = iterator.indexOf('|');
        if (bar <= 0 || !iterator.startsWith("|1|", bar)) {
            return null;
        }
        String arn = iterator.substring(0, bar);
        try {
            byte[] token = Base64.getUrlDecoder().decode(iterator.substring(bar + 3));
            if (token.length < 4) {
                return null;
            }
            ByteReader r = new ByteReader(token, 0, token.length - 4);
            String shardId = r.string();
            long next = r.varint();
            long issued = r.i64();
            if (r.hasMore()) {
                return null;
            }
            int expected = new ByteReader(token, token.length - 4, 4).i32();
            if (checksum(arn, token, token.length - 4) != expected) {
                return null;
            }
            return new Position(arn, shardId, next, issued);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int checksum(String arn, byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(arn.getBytes(StandardCharsets.UTF_8));
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}

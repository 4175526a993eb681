package dev.singletable.engine.storage;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item as stored: an unmodifiable attribute map and its DynamoDB size, computed once at write time so reads, paging
 * and capacity accounting never recompute it.
 *
 * <p>An item loaded from a snapshot may instead hold its encoded bytes and decode them the first time its attributes
 * are read. Decoding a million items into attribute maps (tens of millions of objects) was most of restart time; this
 * way a restart only decodes key attributes, and each item pays for its own decoding when first read. The state is
 * one volatile field holding either the bytes or the decoded map, so concurrent readers may at worst both decode,
 * never see a half-built map (the map is immutable with final fields).
 */
public final class StoredItem {

    private volatile Object state; // Map<String, AttributeValue> once decoded, byte[] before
    /** Null for an item built decoded. */
    private final @Nullable Function<byte[], Map<String, AttributeValue>> decoder;

    private final long size;

    public StoredItem(Map<String, AttributeValue> attributes, long size) {
        this.state = Objects.requireNonNull(attributes, "attributes");
        this.decoder = null;
        this.size = size;
    }

    private StoredItem(byte[] encoded, long size, Function<byte[], Map<String, AttributeValue>> decoder) {
        this.state = encoded;
        this.decoder = decoder;
        this.size = size;
    }

    /** An item kept encoded until first read; {@code decoder} turns the bytes into its unmodifiable attribute map. */
    public static StoredItem encoded(byte[] encoded, long size, Function<byte[], Map<String, AttributeValue>> decoder) {
        return new StoredItem(encoded, size, decoder);
    }

    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> attributes() {
        Object s = state;
        if (s instanceof byte[] bytes) {
            Map<String, AttributeValue> decoded = Objects.requireNonNull(decoder, "only an encoded item holds bytes")
                    .apply(bytes);
            state = decoded;
            return decoded;
        }
        return (Map<String, AttributeValue>) s;
    }

    /** The bytes this item was loaded from while it has not been decoded yet, else null (see {@link #encoded}). */
    public byte @Nullable [] encodedForm() {
        return state instanceof byte[] bytes ? bytes : null;
    }

    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredItem other
                && size == other.size
                && attributes().equals(other.attributes());
    }

    @Override
    public int hashCode() {
        return attributes().hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "StoredItem[attributes=" + attributes() + ", size=" + size + "]";
    }
}

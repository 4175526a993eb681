package dev.singletable.engine.wire;

import java.util.Map;
import java.util.Objects;

/**
 * How a {@link WireServer} listens and whom it lets in.
 *
 * @param bindAddress  interface to bind; loopback by default so nothing is exposed by accident
 * @param port         TCP port, 0 for an ephemeral one (read it back from {@link WireServer#port()})
 * @param accessKeys   access key id to secret key; empty accepts any credentials, as DynamoDB Local does,
 *                     otherwise every request must carry a valid AWS Signature Version 4
 * @param maxBodyBytes largest request body accepted (compressed and decompressed); larger ones get 413
 * @param region       region named by the health check ({@code GET /}); signatures are accepted for any region
 * @param inlineReads  run read-only operations (GetItem, Query, Scan, BatchGetItem, TransactGetItems, Describe*,
 *                     List*) on the connection's I/O thread instead of handing them to the worker pool and back;
 *                     only for a backend whose reads never block (the embedded engine's), since a blocked read
 *                     would stall every connection of that I/O thread
 * @param inlineWrites run the item writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems) on
 *                     the I/O thread too; only for a backend whose writes never wait for a disk (the in-memory
 *                     engine's), since a write waiting for a flush would stall every connection of that I/O thread.
 *                     A write still waits for the engine's commit lock, which a backup, an index backfill or a TTL
 *                     sweep holds while it copies or deletes: the connections of that I/O thread then wait with it
 * @param limits       connections, timeouts and buffered bytes one server allows (see {@link WireLimits})
 */
public record WireServerOptions(
        String bindAddress,
        int port,
        Map<String, String> accessKeys,
        int maxBodyBytes,
        String region,
        boolean inlineReads,
        boolean inlineWrites,
        WireLimits limits) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** DynamoDB's own request size limit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    public static final String DEFAULT_REGION = "us-east-1";

    public WireServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        accessKeys = accessKeys == null ? Map.of() : Map.copyOf(accessKeys);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        limits = limits == null ? WireLimits.defaults() : limits;
    }

    /** The default limits (see {@link WireLimits#defaults()}), writes on the worker pool. */
    public WireServerOptions(
            String bindAddress,
            int port,
            Map<String, String> accessKeys,
            int maxBodyBytes,
            String region,
            boolean inlineReads) {
        this(bindAddress, port, accessKeys, maxBodyBytes, region, inlineReads, false, WireLimits.defaults());
    }

    /** The four settings named in the server's contract; the health check then names us-east-1. */
    public WireServerOptions(String bindAddress, int port, Map<String, String> accessKeys, int maxBodyBytes) {
        this(bindAddress, port, accessKeys, maxBodyBytes, DEFAULT_REGION);
    }

    /** Every operation on the worker pool: safe for any backend. */
    public WireServerOptions(
            String bindAddress, int port, Map<String, String> accessKeys, int maxBodyBytes, String region) {
        this(bindAddress, port, accessKeys, maxBodyBytes, region, false);
    }

    /** Loopback, ephemeral port, any credentials, 16 MiB bodies. */
    public static WireServerOptions defaults() {
        return new WireServerOptions(
                DEFAULT_BIND_ADDRESS,
                0,
                Map.of(),
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_REGION,
                false,
                false,
                WireLimits.defaults());
    }

    public WireServerOptions withPort(int newPort) {
        return new WireServerOptions(
                bindAddress, newPort, accessKeys, maxBodyBytes, region, inlineReads, inlineWrites, limits);
    }

    public WireServerOptions withAccessKeys(Map<String, String> newAccessKeys) {
        return new WireServerOptions(
                bindAddress, port, newAccessKeys, maxBodyBytes, region, inlineReads, inlineWrites, limits);
    }

    WireServerOptions withMaxBodyBytes(int newMaxBodyBytes) {
        return new WireServerOptions(
                bindAddress, port, accessKeys, newMaxBodyBytes, region, inlineReads, inlineWrites, limits);
    }

    public WireServerOptions withRegion(String newRegion) {
        return new WireServerOptions(
                bindAddress, port, accessKeys, maxBodyBytes, newRegion, inlineReads, inlineWrites, limits);
    }

    public WireServerOptions withInlineReads(boolean newInlineReads) {
        return new WireServerOptions(
                bindAddress, port, accessKeys, maxBodyBytes, region, newInlineReads, inlineWrites, limits);
    }

    public WireServerOptions withInlineWrites(boolean newInlineWrites) {
        return new WireServerOptions(
                bindAddress, port, accessKeys, maxBodyBytes, region, inlineReads, newInlineWrites, limits);
    }

    public WireServerOptions withLimits(WireLimits newLimits) {
        return new WireServerOptions(
                bindAddress, port, accessKeys, maxBodyBytes, region, inlineReads, inlineWrites, newLimits);
    }

    /** Whether requests must be signed. */
    boolean requiresSignature() {
        return !accessKeys.isEmpty();
    }
}

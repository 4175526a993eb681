package dev.singletable.engine.wire;

import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Which DynamoDB a request reaches: AWS serves each region at its own endpoint and each account its own tables, so a
 * multi-region engine picks the backend by the access key and region of the request's signature (its credential
 * scope, read even when signatures are not verified).
 */
public interface WireBackends {

    /** The clients one request is answered by; {@code streams} may be null (Streams targets are then unknown). */
    record Backend(DynamoDbClient dynamo, @Nullable DynamoDbStreamsClient streams) {
        public Backend {
            Objects.requireNonNull(dynamo, "dynamo");
        }
    }

    /**
     * The backend for a request signed with this access key for this region; either is null when the request names
     * none. May throw a service exception (an unknown region, say), which the client receives as AWS's error.
     */
    Backend backend(@Nullable String accessKeyId, @Nullable String region);

    /** Whether Streams operations are served at all. */
    boolean servesStreams();

    /** Backends chosen by a function of the access key and region (Streams served). */
    static WireBackends byCredentialScope(BiFunction<@Nullable String, @Nullable String, Backend> resolver) {
        Objects.requireNonNull(resolver, "resolver");
        return new WireBackends() {
            @Override
            public Backend backend(@Nullable String accessKeyId, @Nullable String region) {
                return resolver.apply(accessKeyId, region);
            }

            @Override
            public boolean servesStreams() {
                return true;
            }
        };
    }

    /** The same clients for every request, whatever its credentials and region. */
    static WireBackends fixed(DynamoDbClient dynamo, @Nullable DynamoDbStreamsClient streams) {
        Backend backend = new Backend(dynamo, streams);
        return new WireBackends() {
            @Override
            public Backend backend(@Nullable String accessKeyId, @Nullable String region) {
                return backend;
            }

            @Override
            public boolean servesStreams() {
                return streams != null;
            }
        };
    }
}

package dev.singletable.engine;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How an engine is opened.
 *
 * @param dataDir   where a durable engine keeps its files; null when in memory
 * @param region    the region named in ARNs
 * @param accountId the account named in ARNs
 * @param clock     the engine's time source (creation times, TTL, streams); tests may fix it
 */
public record EngineOptions(Path dataDir, String region, String accountId, Clock clock) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public static EngineOptions inMemory() {
        return new EngineOptions(null, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC());
    }

    public static EngineOptions durable(Path dataDir) {
        return new EngineOptions(dataDir, DEFAULT_REGION, DEFAULT_ACCOUNT, Clock.systemUTC());
    }

    public boolean inMemoryOnly() {
        return dataDir == null;
    }

    public EngineOptions withClock(Clock newClock) {
        return new EngineOptions(dataDir, region, accountId, newClock);
    }
}

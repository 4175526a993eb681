package dev.singletable.engine.regions;

import java.time.Duration;
import java.util.Map;

/**
 * How an engine divides its tables between accounts and regions, and how fast it replicates global tables.
 *
 * @param sharedDb           one set of tables for every region and credential, DynamoDB Local's {@code -sharedDb};
 *                           otherwise (the default) each region of each account has its own tables, as on AWS
 * @param accountsByAccessKey access key id to the 12-digit account its requests act in (see {@link Accounts})
 * @param replicationDelay   extra time every replicated write waits before it is applied in another region, so that a
 *                           learner can watch eventual consistency across regions; zero by default
 */
public record RegionSettings(boolean sharedDb, Map<String, String> accountsByAccessKey, Duration replicationDelay) {

    /** Separate tables per account and region, no mapped keys, no artificial delay. */
    public static final RegionSettings DEFAULTS = new RegionSettings(false, Map.of(), Duration.ZERO);

    public RegionSettings {
        accountsByAccessKey = accountsByAccessKey == null ? Map.of() : Map.copyOf(accountsByAccessKey);
        accountsByAccessKey.forEach(Accounts::requireAccountId);
        replicationDelay = replicationDelay == null || replicationDelay.isNegative() ? Duration.ZERO : replicationDelay;
    }

    public RegionSettings withSharedDb(boolean shared) {
        return new RegionSettings(shared, accountsByAccessKey, replicationDelay);
    }

    public RegionSettings withAccountsByAccessKey(Map<String, String> accounts) {
        return new RegionSettings(sharedDb, accounts, replicationDelay);
    }

    public RegionSettings withReplicationDelay(Duration delay) {
        return new RegionSettings(sharedDb, accountsByAccessKey, delay);
    }
}

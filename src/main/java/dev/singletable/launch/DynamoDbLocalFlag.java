package dev.singletable.launch;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB Local's command-line flags (its {@code -help} lists them; AWS documents them under "DynamoDB local usage
 * notes", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html), accepted by
 * {@code --engine-only} with their meanings, so scripts, CI files and compose files that start DynamoDB Local can start
 * this engine instead. Each flag that changes something becomes the Spring property that does it.
 */
enum DynamoDbLocalFlag {

    /** The DynamoDB port. */
    PORT("-port", "N", "singletable.engine.port"),
    /** Keep nothing on disk. */
    IN_MEMORY("-inMemory", null, "singletable.engine.in-memory"),
    /** Where the data lives (DynamoDB Local: the directory of its database file). */
    DB_PATH("-dbPath", "DIR", "singletable.engine.data-dir"),
    /**
     * One set of tables for every client, whatever its credentials and region. Without it each region (of each
     * account) has its own tables, as on AWS; DynamoDB Local keeps one database per access key and region.
     */
    SHARED_DB("-sharedDb", null, "singletable.engine.shared-db"),
    /** Browser origins allowed by CORS (comma-separated, {@code *} for any). DynamoDB Local's default is any. */
    CORS("-cors", "ORIGINS", "singletable.engine.cors.allowed-origins"),
    /** Tables and indexes pass through their transient statuses for a short time, as on AWS. */
    DELAY_TRANSIENT_STATUSES("-delayTransientStatuses", null, "singletable.engine.delay-transient-statuses"),
    /**
     * Not DynamoDB Local's: this engine's principals file. With it every request must be signed by one of its keys and
     * is authorized by the principals' IAM policies and the resources' policies (docs/access-control.md).
     */
    PRINCIPALS_FILE("-principalsFile", "FILE", "singletable.engine.auth.principals-file"),
    /** Accepted: this engine sends nothing anywhere. */
    DISABLE_TELEMETRY("-disableTelemetry", null, null),
    /** Accepted (it needs {@code -dbPath}, as in DynamoDB Local): the engine keeps its log compact while it runs. */
    OPTIMIZE_DB_BEFORE_STARTUP("-optimizeDbBeforeStartup", null, null);

    private final String flag;
    private final @Nullable String argument;
    private final @Nullable String property;

    DynamoDbLocalFlag(String flag, @Nullable String argument, @Nullable String property) {
        this.flag = flag;
        this.argument = argument;
        this.property = property;
    }

    static Optional<DynamoDbLocalFlag> named(String text) {
        return Arrays.stream(values()).filter(f -> f.flag.equals(text)).findFirst();
    }

    String flag() {
        return flag;
    }

    /** The name of the flag's value in the usage text, or null when it takes none. */
    @Nullable
    String argument() {
        return argument;
    }

    boolean takesValue() {
        return argument != null;
    }

    /** The Spring property the flag sets, or null when it changes nothing here. */
    @Nullable
    String property() {
        return property;
    }
}

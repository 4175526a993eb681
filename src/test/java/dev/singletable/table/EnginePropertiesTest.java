package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class EnginePropertiesTest {

    private static EngineProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("singletable.engine", EngineProperties.class);
    }

    @Test
    void defaultsAreGroupCommitAndSecondsForTheTtlInterval() {
        EngineProperties p = bind(Map.of());
        assertThat(p.sync()).isEqualTo(EngineProperties.Sync.GROUP);
        assertThat(p.groupCommitWait()).isEqualTo(Duration.ofMillis(1));
        assertThat(p.snapshotAfterLog()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(p.ttlSweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.throttling().enabled()).isTrue();
    }

    @Test
    void throttlingCanBeSwitchedOff() {
        assertThat(bind(Map.of("singletable.engine.throttling.enabled", "false"))
                        .throttling()
                        .enabled())
                .isFalse();
    }

    @Test
    void transientStatusesAreOffUnlessAskedFor() {
        assertThat(bind(Map.of()).delayTransientStatuses()).isFalse();
        assertThat(bind(Map.of("singletable.engine.delay-transient-statuses", "true"))
                        .delayTransientStatuses())
                .isTrue();
    }

    @Test
    void settingsBind() {
        EngineProperties p = bind(Map.of(
                "singletable.engine.sync", "fsync",
                "singletable.engine.group-commit-wait", "5ms",
                "singletable.engine.snapshot-after-log", "16",
                "singletable.engine.ttl-sweep-interval", "30"));
        assertThat(p.sync()).isEqualTo(EngineProperties.Sync.FSYNC);
        assertThat(p.groupCommitWait()).isEqualTo(Duration.ofMillis(5));
        assertThat(p.snapshotAfterLog()).isEqualTo(DataSize.ofMegabytes(16));
        assertThat(p.ttlSweepInterval()).isEqualTo(Duration.ofSeconds(30));
    }
}

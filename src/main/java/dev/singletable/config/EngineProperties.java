package dev.singletable.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bundled engine, used in embedded mode and by the standalone engine server.
 *
 * @param dataDir     where the engine keeps its files
 * @param inMemory    keep nothing on disk (tests)
 * @param port        the DynamoDB wire-protocol port; negative turns the server off
 * @param bindAddress the address the wire server binds to (loopback by default)
 * @param auth        access keys whose SigV4 signatures the wire server accepts; empty accepts any credentials
 */
@ConfigurationProperties("singletable.engine")
public record EngineProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean inMemory,
        @DefaultValue("8000") int port,
        @DefaultValue("127.0.0.1") String bindAddress,
        @DefaultValue Auth auth) {

    public record Auth(Map<String, String> accessKeys) {
        public Auth {
            accessKeys = accessKeys == null ? Map.of() : Map.copyOf(accessKeys);
        }
    }
}

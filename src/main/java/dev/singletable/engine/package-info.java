/**
 * The engine's entry points: {@link dev.singletable.engine.EmbeddedEngine} runs a DynamoDB-compatible engine in
 * process (in memory or durable) and hands out AWS SDK v2 clients for it, one namespace per region and account
 * ({@link dev.singletable.engine.RegionEngine}); the wire server and the standalone process are built on it. Nothing
 * in {@code dev.singletable.engine} depends on the service.
 */
@NullMarked
package dev.singletable.engine;

import org.jspecify.annotations.NullMarked;

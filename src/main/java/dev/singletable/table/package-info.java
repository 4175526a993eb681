/**
 * The single table and its plumbing: where the data lives ({@link DynamoDbConfiguration}: the bundled engine, an
 * endpoint or AWS, behind the SDK interfaces), how the service hosts the bundled engine ({@link EngineConfiguration}:
 * its options, wire port and meters; {@link EngineOnlyApplication}, the standalone engine; clear start-up failures),
 * the layout and its bootstrap, {@link TableItem} (the generic key attributes every item derives from its fields),
 * Queries of one partition ({@link KeyQuery}), reading several item types from one Query ({@link ItemTypes}), paging
 * ({@link QueryPager}), labelled transactions, batch writes, uniqueness markers and ULIDs. It knows no feature, and is
 * the one module that may use the engine's own API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Single table",
        allowedDependencies = {"resilience"})
package dev.singletable.table;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

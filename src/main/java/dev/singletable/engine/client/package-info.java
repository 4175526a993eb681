/**
 * The engine behind the AWS SDK's {@code DynamoDbClient} and {@code DynamoDbStreamsClient} interfaces, in process.
 */
@NullMarked
package dev.singletable.engine.client;

import org.jspecify.annotations.NullMarked;

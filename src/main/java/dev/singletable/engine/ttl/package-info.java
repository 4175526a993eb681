/**
 * Time to Live: the background sweep that deletes expired items as a service deletion, as DynamoDB does
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html).
 */
@NullMarked
package dev.singletable.engine.ttl;

import org.jspecify.annotations.NullMarked;

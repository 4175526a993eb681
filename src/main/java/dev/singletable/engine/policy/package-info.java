/**
 * Resource-based policies: their documents, as DynamoDB checks and stores them
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html).
 */
@NullMarked
package dev.singletable.engine.policy;

import org.jspecify.annotations.NullMarked;

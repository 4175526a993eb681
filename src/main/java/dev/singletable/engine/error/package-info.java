/**
 * DynamoDB's errors as the AWS SDK's exceptions, with DynamoDB's error types and messages
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html).
 */
@NullMarked
package dev.singletable.engine.error;

import org.jspecify.annotations.NullMarked;

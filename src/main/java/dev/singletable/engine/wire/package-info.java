/**
 * DynamoDB's JSON 1.0 wire protocol for any {@code DynamoDbClient} / {@code DynamoDbStreamsClient}:
 * {@link dev.singletable.engine.wire.WireServer} puts a pair of them on a TCP port so the AWS CLI, boto3, every SDK,
 * Terraform and conformance suites can use them.
 *
 * <p>Behaviour follows AWS, as recorded by emulator test suites validated against it (dynalite, ScyllaDB
 * Alternator) and by SDK issue threads quoting raw AWS responses:
 * <ul>
 *   <li>checks run in AWS's order: HTTP method and content type (else 404 {@code <UnknownOperationException/>}),
 *       JSON syntax (SerializationException without message), target (UnknownOperationException without message),
 *       signature, empty body, member types (SerializationException with AWS's {@code Message}), then the backend;</li>
 *   <li>error {@code __type} namespaces: {@code com.amazon.coral.service} for front-end errors,
 *       {@code com.amazon.coral.validate} for ValidationException, {@code com.amazon.coral.availability} for
 *       ThrottlingException, {@code com.amazonaws.dynamodb.v20120810} for everything DynamoDB models; the message
 *       key is {@code Message} for SerializationException and TransactionCanceledException, {@code message}
 *       otherwise;</li>
 *   <li>outputs without members (TagResource, UntagResource) have an empty body; a request answered in
 *       {@code application/json} if it was sent that way.</li>
 * </ul>
 * Not verified against AWS (reasonable guesses): the wording for timestamps given as strings and for integers out of
 * range of their member, the 404 body's content type, and accepting {@code "true"}/{@code "false"} strings for
 * booleans.
 */
@NullMarked
package dev.singletable.engine.wire;

import org.jspecify.annotations.NullMarked;

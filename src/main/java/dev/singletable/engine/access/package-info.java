/**
 * Access control as IAM documents it, enforced by the engine when principals are configured: the principals file
 * (access key to principal ARN and identity-based policies) and the clients each principal reaches the engine
 * through, which authorize every request with {@code engine.iam} (the policy language, the mapping of each DynamoDB
 * request to its actions, resources and condition keys, and IAM's same-account and cross-account decision) before the
 * engine runs it, and route a request that is allowed on another account's resource to that account's tables [1][2].
 * Off unless configured.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html">Using IAM policy conditions for fine-grained access control</a>
 */
@NullMarked
package dev.singletable.engine.access;

import org.jspecify.annotations.NullMarked;

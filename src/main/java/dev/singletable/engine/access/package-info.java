/**
 * Access control as IAM documents it, enforced by the engine when principals are configured: identities (access key
 * to principal ARN and identity-based policies), the policy evaluator (explicit Deny wins, an Allow is needed;
 * Action/NotAction, Resource/NotResource, conditions and policy variables), resource-based policies with IAM's
 * same-account and cross-account rules, and the mapping of each DynamoDB request to the actions, resources and
 * condition keys ({@code dynamodb:LeadingKeys}, {@code dynamodb:Attributes}, ...) IAM authorizes it by
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html). Off unless configured.
 */
package dev.singletable.engine.access;

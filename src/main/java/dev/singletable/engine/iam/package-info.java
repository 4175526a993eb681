/**
 * IAM's policy language and its evaluation, independent of how the engine is assembled: policy documents compiled
 * once ({@link dev.singletable.engine.iam.IamPolicy}), principals, the request context, the mapping of each DynamoDB
 * request to the actions, resources and condition keys IAM authorizes it by
 * ({@link dev.singletable.engine.iam.RequestAccess}) and the decision itself
 * ({@link dev.singletable.engine.iam.Evaluator}: explicit Deny wins, an Allow is needed; same-account and
 * cross-account rules [1]), with its invariant part for single-item requests worked out once per principal and table
 * ({@link dev.singletable.engine.iam.ItemDecisions}). Both {@code engine.access} (configured principals) and {@code engine.regions} (another
 * account's ARN without them) decide with it, so this package must not depend on either, nor on the root package.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
@NullMarked
package dev.singletable.engine.iam;

import org.jspecify.annotations.NullMarked;

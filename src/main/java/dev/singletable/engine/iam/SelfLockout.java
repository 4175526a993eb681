package dev.singletable.engine.iam;

import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.policy.PolicyJson;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;

/**
 * Whether a PutResourcePolicy would lock its caller out: ConfirmRemoveSelfResourceAccess is "to confirm that you want
 * to remove your permissions to change the policy of this resource in the future" [1], so the confirmation is needed exactly when the new policy explicitly denies the caller itself
 * dynamodb:PutResourcePolicy on that resource; a Deny aimed at other principals is not the caller's concern.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html#DDB-PutResourcePolicy-request-ConfirmRemoveSelfResourceAccess">PutResourcePolicy:
 * ConfirmRemoveSelfResourceAccess</a>
 */
public final class SelfLockout {

    /** AWS's answer when the confirmation is missing. */
    public static final String MESSAGE =
            "The new resource policy will not allow you to update the resource policy in " + "the future.";

    private SelfLockout() {}

    /**
     * Whether attaching the request's policy would deny {@code caller} (with its request-context keys) a later
     * PutResourcePolicy on the same resource. False for a document that does not compile: the engine then answers
     * the document's own ValidationException.
     */
    public static boolean locksOut(
            Principal caller, Map<String, List<String>> callerKeys, PutResourcePolicyRequest request) {
        if (request.policy() == null || request.resourceArn() == null) {
            return false;
        }
        IamPolicy policy;
        try {
            if (!(PolicyJson.parse(request.policy()) instanceof Map<?, ?> document)) {
                return false;
            }
            policy = IamPolicy.compile(document, IamPolicy.Kind.RESOURCE, false);
        } catch (RuntimeException invalid) {
            return false;
        }
        ResourceArn arn = ResourceArn.parse(request.resourceArn());
        String owner = arn == null || arn.account() == null ? caller.account() : arn.account();
        AccessRequest ask = new AccessRequest("dynamodb:PutResourcePolicy", request.resourceArn(), owner, Map.of());
        return Evaluator.decide(caller, ask, new RequestContext(callerKeys, Map.of()), policy)
                == Evaluator.Outcome.DENIED_BY_RESOURCE;
    }
}

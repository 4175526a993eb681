package dev.singletable.engine.iam;

import dev.singletable.engine.error.EngineErrors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * IAM's evaluation of one request [1]: an explicit Deny in any applicable policy wins; otherwise an Allow is needed.
 * Within one account either the identity-based policy or a resource-based policy naming the principal itself may
 * allow; a resource-based policy that names only the account delegates to the account's identity-based policies.
 * Across accounts both must allow [2]. An account's root user has every permission its account's identity policies
 * could give, and may delete its resources' policies even when they deny it [4]. A denial is worded as IAM words it
 * [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a><br>
 * [2] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html">Cross-account policy evaluation logic</a><br>
 * [3] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html">Troubleshoot access denied error messages</a><br>
 * [4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteResourcePolicy.html">DeleteResourcePolicy</a>
 */
public final class Evaluator {

    /** What IAM decided and, for a denial, which policy type the message names. */
    public enum Outcome {
        ALLOW,
        DENIED_BY_IDENTITY,
        DENIED_BY_RESOURCE,
        NO_IDENTITY_ALLOW,
        NO_RESOURCE_ALLOW
    }

    private static final String DELETE_RESOURCE_POLICY = "dynamodb:DeleteResourcePolicy";

    private Evaluator() {}

    /** Decides a request against the given context (a request built by hand, with its keys as maps). */
    public static Outcome decide(
            Principal principal, AccessRequest request, RequestContext context, @Nullable IamPolicy resourcePolicy) {
        return decide(principal, request, (ContextKeys) context, resourcePolicy);
    }

    /**
     * Decides a request mapped for this principal ({@link RequestAccess} made with its keys): the request is its own
     * context, and its condition keys are worked out only as far as the policies ask for them.
     */
    public static Outcome decide(Principal principal, AccessRequest request, @Nullable IamPolicy resourcePolicy) {
        return decide(principal, request, request, resourcePolicy);
    }

    private static Outcome decide(
            Principal principal, AccessRequest request, ContextKeys context, @Nullable IamPolicy resourcePolicy) {
        boolean root = principal.isRoot();
        boolean identityAllows = root;
        for (IamPolicy policy : principal.policies()) {
            for (Statement s : policy.statements()) {
                if (!applies(s, request, context)) {
                    continue;
                }
                if (!s.allow()) {
                    return Outcome.DENIED_BY_IDENTITY;
                }
                identityAllows = true;
            }
        }
        String resourceAccount = request.resourceAccount();
        boolean crossAccount = resourceAccount != null && !resourceAccount.equals(principal.account());
        // the account's root user may always delete its own resource's policy, whatever the policy denies [4]
        boolean rootDeletesPolicy = !crossAccount && root && DELETE_RESOURCE_POLICY.equals(request.action());
        boolean resourceAllowsDirectly = false;
        boolean resourceAllowsAccount = false;
        if (resourcePolicy != null) {
            for (Statement s : resourcePolicy.statements()) {
                // a resource-based statement always names its principals (IamPolicy requires the element)
                PrincipalMatcher named = s.principals();
                PrincipalMatcher.Match match = named == null ? PrincipalMatcher.Match.NONE : named.match(principal);
                if (match == PrincipalMatcher.Match.NONE || !applies(s, request, context)) {
                    continue;
                }
                if (!s.allow()) {
                    if (rootDeletesPolicy) {
                        continue;
                    }
                    return Outcome.DENIED_BY_RESOURCE;
                }
                if (match == PrincipalMatcher.Match.DIRECT) {
                    resourceAllowsDirectly = true;
                } else {
                    resourceAllowsAccount = true;
                }
            }
        }
        return settle(crossAccount, root, identityAllows, resourceAllowsDirectly, resourceAllowsAccount);
    }

    /**
     * The outcome once no applicable statement denies: within one account the identity-based policy or a resource
     * policy naming the principal itself allows; across accounts both must [2].
     */
    static Outcome settle(
            boolean crossAccount,
            boolean root,
            boolean identityAllows,
            boolean resourceAllowsDirectly,
            boolean resourceAllowsAccount) {
        if (crossAccount) {
            if (!identityAllows && !root) {
                return Outcome.NO_IDENTITY_ALLOW;
            }
            return resourceAllowsDirectly || resourceAllowsAccount ? Outcome.ALLOW : Outcome.NO_RESOURCE_ALLOW;
        }
        return identityAllows || resourceAllowsDirectly ? Outcome.ALLOW : Outcome.NO_IDENTITY_ALLOW;
    }

    private static boolean applies(Statement s, AccessRequest request, ContextKeys context) {
        return s.matchesAction(request.action())
                && s.matchesResource(request.resource(), context)
                && s.conditionsHold(context);
    }

    /** AWS's AccessDeniedException for a denial, worded as IAM words it [3]. */
    public static DynamoDbException denial(Outcome outcome, Principal principal, AccessRequest request) {
        String head = "User: " + principal.arn() + " is not authorized to perform: " + request.action()
                + " on resource: " + request.resource();
        String tail =
                switch (outcome) {
                    case DENIED_BY_IDENTITY -> " with an explicit deny in an identity-based policy";
                    case DENIED_BY_RESOURCE -> " with an explicit deny in a resource-based policy";
                    case NO_RESOURCE_ALLOW ->
                        " because no resource-based policy allows the " + request.action() + " action";
                    default -> " because no identity-based policy allows the " + request.action() + " action";
                };
        return EngineErrors.accessDenied(head + tail);
    }
}

package dev.singletable.engine.iam;

import java.util.List;

/**
 * The Principal (or NotPrincipal) element of a resource-based policy statement: everyone ({@code "*"}), or ARNs of
 * users, roles and accounts ({@code arn:aws:iam::111122223333:root} stands for the account: it delegates to the
 * account's own identity-based policies) [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">AWS JSON policy elements: Principal</a>
 */
record PrincipalMatcher(boolean everyone, List<String> arns, boolean negated) {

    /** How a statement's principal names the caller. */
    enum Match {
        NONE,
        ACCOUNT,
        DIRECT
    }

    Match match(Principal caller) {
        Match found = Match.NONE;
        if (everyone) {
            found = Match.DIRECT;
        } else {
            for (String arn : arns) {
                if (arn.equals(caller.arn())) {
                    found = Match.DIRECT;
                    break;
                }
                if (namesAccountOf(arn, caller.account())) {
                    found = Match.ACCOUNT;
                }
            }
        }
        if (negated) {
            // NotPrincipal: the statement is about everyone it does not name
            return found == Match.NONE ? Match.DIRECT : Match.NONE;
        }
        return found;
    }

    private static final String IAM_PREFIX = "arn:aws:iam::";
    private static final String ROOT_SUFFIX = ":root";

    /**
     * Whether {@code arn} is {@code arn:aws:iam::<account>:root}, compared in place: this runs for every statement of a
     * resource policy on every request that takes the full evaluation, so it builds no string.
     */
    private static boolean namesAccountOf(String arn, String account) {
        return arn.length() == IAM_PREFIX.length() + account.length() + ROOT_SUFFIX.length()
                && arn.startsWith(IAM_PREFIX)
                && arn.startsWith(account, IAM_PREFIX.length())
                && arn.endsWith(ROOT_SUFFIX);
    }
}

package dev.singletable.engine.iam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One compiled statement of a policy [1]: its Effect, Action or NotAction, Resource or NotResource, Principal and
 * Condition. {@code principals} is null in an identity-based policy (the statement applies to the principal it is
 * attached to); in a resource-based policy it lists who the statement is about.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html">IAM JSON policy element reference</a>
 */
record Statement(
        @Nullable String sid,
        boolean allow,
        List<Wildcard> actions,
        boolean notAction,
        List<String> resources,
        List<Wildcard> resourcePatterns,
        boolean notResource,
        @Nullable PrincipalMatcher principals,
        List<Condition> conditions) {

    boolean matchesAction(String action) {
        boolean any = false;
        for (Wildcard w : actions) {
            if (w.matches(action)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    boolean matchesResource(String resource, ContextKeys context) {
        boolean any = false;
        for (int i = 0; i < resources.size(); i++) {
            Wildcard w = resourcePatterns.get(i);
            if (w == null) {
                String substituted = PolicyVariables.substitute(resources.get(i), context, true);
                if (substituted == null) {
                    continue;
                }
                w = Wildcard.of(substituted, false);
            }
            if (w.matches(resource)) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    /** Whether a Resource holds a variable left for request time (its pattern is then made per request). */
    boolean resourceVaries() {
        for (Wildcard w : resourcePatterns) {
            if (w == null) {
                return true;
            }
        }
        return false;
    }

    boolean conditionsHold(ContextKeys context) {
        for (Condition c : conditions) {
            if (!c.test(context)) {
                return false;
            }
        }
        return true;
    }
}

package dev.singletable.engine.iam;

import java.util.List;

/**
 * One compiled statement of a policy. {@code principals} is null in an identity-based policy (the statement applies
 * to the principal it is attached to); in a resource-based policy it lists who the statement is about.
 */
record Statement(
        String sid,
        boolean allow,
        List<Wildcard> actions,
        boolean notAction,
        List<String> resources,
        List<Wildcard> resourcePatterns,
        boolean notResource,
        PrincipalMatcher principals,
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

    boolean conditionsHold(ContextKeys context) {
        for (Condition c : conditions) {
            if (!c.test(context)) {
                return false;
            }
        }
        return true;
    }
}

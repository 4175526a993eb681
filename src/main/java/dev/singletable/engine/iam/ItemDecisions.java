package dev.singletable.engine.iam;

import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One principal's decisions on single-item requests (GetItem, PutItem, UpdateItem, DeleteItem) against tables of its
 * own account, with the part that does not change between requests worked out once [1]: which statements of the
 * principal's policies and of the table's resource-based policy apply to the action on the table, and, when none of
 * them has a condition, the outcome itself. A request then evaluates only the conditions of those statements, and
 * only when they read no more than {@code dynamodb:LeadingKeys}, {@code dynamodb:ReturnValues},
 * {@code dynamodb:ReturnConsumedCapacity} and the principal's own keys (the row-level pattern); anything else, and
 * every outcome but Allow, is left to the full evaluation ({@link RequestAccess}, {@link Evaluator}), which also words
 * the denial.
 *
 * <p>What is worked out once is remembered per action and table ARN together with the table's definition, compared by
 * identity: a definition is replaced whole on every change of the table (a PutResourcePolicy, a DeleteResourcePolicy,
 * an UpdateTable, a table deleted and created again), so a changed table is decided afresh on its next request. The
 * principal's own policies are fixed when it is configured.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a>
 */
public final class ItemDecisions {

    /** The single-item actions decided here. */
    public enum Action {
        GET_ITEM("dynamodb:GetItem"),
        PUT_ITEM("dynamodb:PutItem"),
        UPDATE_ITEM("dynamodb:UpdateItem"),
        DELETE_ITEM("dynamodb:DeleteItem");

        private final String name;

        Action(String name) {
            this.name = name;
        }
    }

    /** Tables remembered per action before the memory is cleared (a principal usually reaches a handful). */
    private static final int MAX_TABLES = 64;

    private final Principal principal;
    private final Map<String, List<String>> principalKeys;
    private final ResourcePolicies resourcePolicies;
    private final List<Map<String, Plan>> plans = new ArrayList<>();

    /**
     * @param principalKeys     the principal's context keys for the region its requests go to
     * @param resourcePolicies  where tables' resource-based policies are compiled
     */
    public ItemDecisions(
            Principal principal, Map<String, List<String>> principalKeys, ResourcePolicies resourcePolicies) {
        this.principal = principal;
        this.principalKeys = principalKeys;
        this.resourcePolicies = resourcePolicies;
        for (int i = 0; i < Action.values().length; i++) {
            plans.add(new ConcurrentHashMap<>());
        }
    }

    /**
     * Whether IAM allows the action on an item of a table of the principal's own account, decided without the full
     * mapping; false when it does not, or when this request needs the full evaluation.
     *
     * @param item           the key of a GetItem, UpdateItem or DeleteItem, the item of a PutItem
     * @param returnValues   the request's ReturnValues, or null
     * @param consumed       the request's ReturnConsumedCapacity, or null
     */
    public boolean allows(
            Action action,
            TableDefinition table,
            Map<String, AttributeValue> item,
            @Nullable String returnValues,
            @Nullable String consumed) {
        Plan plan = planFor(action, table);
        if (plan.constant != null) {
            return plan.constant == Evaluator.Outcome.ALLOW;
        }
        if (!plan.lean) {
            return false;
        }
        String hashName = table.primaryKey().hashName();
        return plan.decide(new SingleItem(principalKeys, item, hashName, returnValues, consumed))
                == Evaluator.Outcome.ALLOW;
    }

    private Plan planFor(Action action, TableDefinition table) {
        Map<String, Plan> known = plans.get(action.ordinal());
        Plan plan = known.get(table.arn());
        if (plan == null || plan.table != table) {
            plan = compile(action, table);
            if (known.size() >= MAX_TABLES) {
                known.clear();
            }
            known.put(table.arn(), plan);
        }
        return plan;
    }

    /** The statements that apply to the action on the table, whatever the request's own condition keys. */
    private Plan compile(Action action, TableDefinition table) {
        String resource = table.arn();
        // statements with a Resource left for request time are matched per request by the full evaluation
        ContextKeys noRequestKeys = principalKeys::get;
        List<Statement> identity = new ArrayList<>();
        for (IamPolicy policy : principal.policies()) {
            for (Statement s : policy.statements()) {
                if (!s.matchesAction(action.name)) {
                    continue;
                }
                if (s.resourceVaries()) {
                    return Plan.full(table);
                }
                if (s.matchesResource(resource, noRequestKeys)) {
                    identity.add(s);
                }
            }
        }
        List<Statement> resourceStatements = new ArrayList<>();
        List<PrincipalMatcher.Match> matches = new ArrayList<>();
        IamPolicy resourcePolicy = resourcePolicies.ofTable(table);
        if (resourcePolicy != null) {
            for (Statement s : resourcePolicy.statements()) {
                PrincipalMatcher named = s.principals();
                PrincipalMatcher.Match match = named == null ? PrincipalMatcher.Match.NONE : named.match(principal);
                if (match == PrincipalMatcher.Match.NONE || !s.matchesAction(action.name)) {
                    continue;
                }
                if (s.resourceVaries()) {
                    return Plan.full(table);
                }
                if (s.matchesResource(resource, noRequestKeys)) {
                    resourceStatements.add(s);
                    matches.add(match);
                }
            }
        }
        boolean conditional = false;
        boolean lean = true;
        for (Statement s : concat(identity, resourceStatements)) {
            for (Condition c : s.conditions()) {
                conditional = true;
                lean &= !c.hasVariables() && SingleItem.answers(c.key());
            }
        }
        // an account's tables are the principal's own account's here (the caller checks), so never cross-account
        boolean crossAccount = !principal.account().equals(accountOf(resource));
        Plan plan = new Plan(table, identity, resourceStatements, matches, principal.isRoot(), crossAccount, lean);
        if (!conditional) {
            plan = plan.decided(plan.decide(noRequestKeys));
        }
        return plan;
    }

    private static List<Statement> concat(List<Statement> a, List<Statement> b) {
        List<Statement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String accountOf(String tableArn) {
        // arn:aws:dynamodb:<region>:<account>:table/<name>
        String[] parts = tableArn.split(":", 6);
        return parts.length == 6 ? parts[4] : "";
    }

    /** What applies to one action on one table definition. */
    private static final class Plan {

        private final TableDefinition table;
        private final Statement[] identity;
        private final Statement[] resource;
        private final PrincipalMatcher.Match[] matches;
        private final boolean root;
        private final boolean crossAccount;
        /** Whether the statements' conditions read only what {@link SingleItem} answers. */
        private final boolean lean;
        /** The outcome when no applicable statement has a condition; null when a request must evaluate them. */
        private final Evaluator.@Nullable Outcome constant;

        private Plan(
                TableDefinition table,
                List<Statement> identity,
                List<Statement> resource,
                List<PrincipalMatcher.Match> matches,
                boolean root,
                boolean crossAccount,
                boolean lean) {
            this(
                    table,
                    identity.toArray(Statement[]::new),
                    resource.toArray(Statement[]::new),
                    matches.toArray(PrincipalMatcher.Match[]::new),
                    root,
                    crossAccount,
                    lean,
                    null);
        }

        private Plan(
                TableDefinition table,
                Statement[] identity,
                Statement[] resource,
                PrincipalMatcher.Match[] matches,
                boolean root,
                boolean crossAccount,
                boolean lean,
                Evaluator.@Nullable Outcome constant) {
            this.table = table;
            this.identity = identity;
            this.resource = resource;
            this.matches = matches;
            this.root = root;
            this.crossAccount = crossAccount;
            this.lean = lean;
            this.constant = constant;
        }

        /** A plan that sends every request to the full evaluation. */
        static Plan full(TableDefinition table) {
            return new Plan(
                    table,
                    new Statement[0],
                    new Statement[0],
                    new PrincipalMatcher.Match[0],
                    false,
                    false,
                    false,
                    null);
        }

        Plan decided(Evaluator.Outcome outcome) {
            return new Plan(table, identity, resource, matches, root, crossAccount, lean, outcome);
        }

        /** {@link Evaluator}'s decision over the statements that apply, of which only the conditions are left. */
        Evaluator.Outcome decide(ContextKeys context) {
            boolean identityAllows = root;
            for (Statement s : identity) {
                if (!s.conditionsHold(context)) {
                    continue;
                }
                if (!s.allow()) {
                    return Evaluator.Outcome.DENIED_BY_IDENTITY;
                }
                identityAllows = true;
            }
            boolean directly = false;
            boolean account = false;
            for (int i = 0; i < resource.length; i++) {
                Statement s = resource[i];
                if (!s.conditionsHold(context)) {
                    continue;
                }
                if (!s.allow()) {
                    return Evaluator.Outcome.DENIED_BY_RESOURCE;
                }
                if (matches[i] == PrincipalMatcher.Match.DIRECT) {
                    directly = true;
                } else {
                    account = true;
                }
            }
            return Evaluator.settle(crossAccount, root, identityAllows, directly, account);
        }
    }

    /**
     * A single-item request's context as far as the row-level pattern reads it: its leading key, ReturnValues and
     * ReturnConsumedCapacity as {@link ItemAccess} gives them (no enclosing operation: not in a transaction), then the
     * principal's keys.
     */
    private record SingleItem(
            Map<String, List<String>> principalKeys,
            Map<String, AttributeValue> item,
            String hashName,
            @Nullable String returnValues,
            @Nullable String consumed)
            implements ContextKeys {

        /** Whether a condition key is one this context answers as the full mapping would. */
        static boolean answers(String lowerCaseKey) {
            return !lowerCaseKey.equals(ItemAccess.ATTRIBUTES) && !lowerCaseKey.equals(ItemAccess.SELECT);
        }

        @Override
        public @Nullable List<String> lowerCaseValues(String lowerCaseKey) {
            @Nullable String value;
            switch (lowerCaseKey) {
                case ItemAccess.LEADING_KEYS -> value = ItemAccess.text(item.get(hashName));
                case ItemAccess.RETURN_VALUES -> value = returnValues;
                case ItemAccess.RETURN_CONSUMED_CAPACITY -> value = consumed;
                case ItemAccess.ENCLOSING_OPERATION -> value = null;
                default -> value = null;
            }
            return value != null ? List.of(value) : principalKeys.get(lowerCaseKey);
        }
    }
}

package dev.singletable.engine.iam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a statement is evaluated against: the values of a context key, the request's own ({@code dynamodb:LeadingKeys})
 * or the principal's ({@code aws:userid}). Key names are case-insensitive, as IAM's are [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html">AWS global condition context keys</a>
 */
interface ContextKeys {

    /** The values of a key already in lower case (a compiled condition's key), or null when the context has none. */
    @Nullable
    List<String> lowerCaseValues(String lowerCaseKey);

    /** The values of a key in any spelling, or null when the context has none. */
    default @Nullable List<String> values(String key) {
        return lowerCaseValues(RequestContext.lower(key));
    }
}

package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;

/**
 * The pre-2014 parameters (Expected, AttributeUpdates, AttributesToGet, KeyConditions, QueryFilter, ScanFilter,
 * ConditionalOperator). Until they are translated into expressions, a request that uses one is refused with a clear
 * ValidationException rather than having the parameter silently ignored (see docs/fidelity.md).
 */
final class LegacyParameters {

    private LegacyParameters() {
    }

    static void refuse(List<String> legacyPresent) {
        if (!legacyPresent.isEmpty()) {
            throw EngineErrors.validation("The legacy parameter " + legacyPresent.get(0) + " is not supported by this "
                    + "engine; use the equivalent expression parameter instead");
        }
    }
}

package dev.singletable.engine.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One resolved update action: its section (SET, REMOVE, ADD, DELETE), target path and value (null for REMOVE). */
record UpdateAction(
        TokenType section, DocPath target, @Nullable Operand value) {

    /** The value of a SET, ADD or DELETE action (only REMOVE has none). */
    Operand operand() {
        return Objects.requireNonNull(value, "REMOVE has no value");
    }
}

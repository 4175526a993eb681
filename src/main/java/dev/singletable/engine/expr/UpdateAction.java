package dev.singletable.engine.expr;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One resolved update action: its section (SET, REMOVE, ADD, DELETE), target path and value (null for REMOVE). */
final class UpdateAction {

    final TokenType section;
    final DocPath target;
    final @Nullable Operand value;

    UpdateAction(TokenType section, DocPath target, @Nullable Operand value) {
        this.section = section;
        this.target = target;
        this.value = value;
    }

    /** The value of a SET, ADD or DELETE action (only REMOVE has none). */
    Operand operand() {
        return Objects.requireNonNull(value, "REMOVE has no value");
    }
}

package dev.singletable.engine.expr;

/** One resolved update action: its section (SET, REMOVE, ADD, DELETE), target path and value (null for REMOVE). */
final class UpdateAction {

    final TokenType section;
    final DocPath target;
    final Operand value;

    UpdateAction(TokenType section, DocPath target, Operand value) {
        this.section = section;
        this.target = target;
        this.value = value;
    }
}

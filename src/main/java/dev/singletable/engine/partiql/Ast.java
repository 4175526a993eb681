package dev.singletable.engine.partiql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The syntax tree of DynamoDB's PartiQL subset, as produced by {@link Parser}. */
final class Ast {

    private Ast() {}

    /** An expression; {@code at} is its first token, for DynamoDB's "at line:column:length" locations. */
    sealed interface Expr
            permits Literal, Param, Path, Binary, Not, Between, In, Is, Call, ListLit, BagLit, MapLit, Subquery {
        Token at();
    }

    enum LiteralKind {
        STRING,
        NUMBER,
        TRUE,
        FALSE,
        NULL,
        MISSING,
        ION
    }

    record Literal(LiteralKind kind, String text, Token at) implements Expr {}

    /** A {@code ?} placeholder; {@code index} counts from 0 in order of appearance. */
    record Param(int index, Token at) implements Expr {}

    sealed interface Step permits Name, Index {}

    /** A map key step: {@code .name}, {@code ."name"} or {@code ['name']}; the first step is the attribute. */
    record Name(String name) implements Step {}

    record Index(int index) implements Step {}

    record Path(List<Step> steps, Token at) implements Expr {
        /** The attribute the path starts from; null when it starts with an index step. */
        @Nullable
        String root() {
            return steps.get(0) instanceof Name n ? n.name() : null;
        }

        boolean isTopLevel() {
            return steps.size() == 1 && steps.get(0) instanceof Name;
        }

        /** The name DynamoDB gives a projected path in the result: its last step, an index written as name[i]. */
        String resultName() {
            StringBuilder suffix = new StringBuilder();
            for (int i = steps.size() - 1; i >= 0; i--) {
                Step s = steps.get(i);
                if (s instanceof Name n) {
                    return n.name() + suffix;
                }
                suffix.insert(0, "[" + ((Index) s).index() + "]");
            }
            return suffix.toString();
        }
    }

    /** Comparison, arithmetic and logical operators: = <> < <= > >= + - AND OR. */
    record Binary(String op, Expr left, Expr right, Token at) implements Expr {}

    record Not(Expr operand, Token at) implements Expr {}

    record Between(Expr value, Expr low, Expr high, boolean negated, Token at) implements Expr {}

    /** {@code candidates} is null when IN is followed by something other than a list. */
    record In(Expr value, @Nullable List<Expr> candidates, boolean negated, Token at) implements Expr {}

    /** {@code x IS [NOT] MISSING|NULL|STRING|…}; {@code type} upper-cased. */
    record Is(Expr value, String type, boolean negated, Token typeToken, Token at) implements Expr {}

    record Call(String name, List<Expr> args, Token at) implements Expr {}

    record ListLit(List<Expr> items, Token at) implements Expr {}

    record BagLit(List<Expr> items, Token at) implements Expr {}

    record MapEntry(Expr key, Expr value) {}

    record MapLit(List<MapEntry> entries, Token at) implements Expr {}

    /** A nested SELECT inside an expression: only EXISTS(SELECT …) at statement level is allowed. */
    record Subquery(Select select, Token at) implements Expr {}

    sealed interface Statement permits Select, Insert, Update, Delete, Exists, Expression {}

    /** {@code index} is null when the statement reads the table. */
    record Target(String table, @Nullable String index) {}

    record OrderItem(Expr key, boolean descending) {}

    /** {@code projections} is null for {@code SELECT *}; {@code where} is null without a WHERE clause. */
    record Select(
            @Nullable List<Path> projections,
            Target from,
            @Nullable Expr where,
            List<OrderItem> orderBy) implements Statement {}

    record Insert(Target into, Expr value) implements Statement {}

    sealed interface UpdateAction permits SetAction, RemoveAction {}

    record SetAction(Path target, Expr value) implements UpdateAction {}

    record RemoveAction(Path target) implements UpdateAction {}

    /** {@code returning} is e.g. "ALL OLD *", or null; {@code where} is null without a WHERE clause. */
    record Update(
            Target table,
            List<UpdateAction> actions,
            @Nullable Expr where,
            @Nullable String returning) implements Statement {}

    /** As {@link Update}: {@code where} and {@code returning} may be null. */
    record Delete(
            Target from, @Nullable Expr where, @Nullable String returning) implements Statement {}

    /** {@code EXISTS(SELECT …)}: a condition check, allowed only in ExecuteTransaction. */
    record Exists(Select select) implements Statement {}

    /** Any other top-level expression, which DynamoDB parses and then refuses. */
    record Expression(Expr expr) implements Statement {}
}

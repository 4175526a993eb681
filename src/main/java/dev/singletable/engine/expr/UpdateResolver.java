package dev.singletable.engine.expr;

import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Second semantic pass of an update expression: resolves targets and values into executable actions.
 * The operand types SET, ADD and DELETE accept are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class UpdateResolver extends Resolver {

    private static final Set<ValueType> ADDABLE = EnumSet.of(ValueType.N, ValueType.SS, ValueType.NS, ValueType.BS);
    private static final Set<ValueType> SETS = EnumSet.of(ValueType.SS, ValueType.NS, ValueType.BS);

    UpdateResolver(String kind, ExpressionContext ctx) {
        super(kind, ctx);
    }

    /**
     * DynamoDB resolves and inserts all target paths (last action first, checking overlaps as it goes) before it
     * resolves any value, then resolves the values, also last action first.
     */
    List<UpdateAction> actions(Syntax.Update update) {
        int n = update.actions().size();
        DocPath[] targets = new DocPath[n];
        PathTrie trie = new PathTrie(kind);
        for (int i = n - 1; i >= 0; i--) {
            targets[i] = path(update.actions().get(i).path());
            trie.insert(targets[i]);
        }
        Operand[] values = new Operand[n];
        for (int i = n - 1; i >= 0; i--) {
            Syntax.Action a = update.actions().get(i);
            if (a.section() == TokenType.SET) {
                values[i] = operand(a.operand());
            } else if (a.section() == TokenType.ADD || a.section() == TokenType.DELETE) {
                values[i] = setOperand(a.section(), ((Syntax.Value) a.operand()).token());
            }
        }
        List<UpdateAction> actions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            actions.add(new UpdateAction(update.actions().get(i).section(), targets[i], values[i]));
        }
        return actions;
    }

    private Operand setOperand(TokenType section, Token token) {
        AttributeValue v = value(token);
        ValueType t = AttributeValues.typeOf(v);
        boolean add = section == TokenType.ADD;
        if (!(add ? ADDABLE : SETS).contains(t)) {
            throw ExprErrors.invalid(
                    kind,
                    "Incorrect operand type for operator or function; operator: "
                            + (add ? "ADD" : "DELETE") + ", operand type: " + longName(t) + ", typeSet: "
                            + (add ? "ALLOWED_FOR_ADD_OPERAND" : "ALLOWED_FOR_DELETE_OPERAND"));
        }
        return new Operands.Constant(v);
    }

    /** DynamoDB's internal type names, used in ADD/DELETE operand messages. */
    static String longName(ValueType t) {
        switch (t) {
            case S:
                return "STRING";
            case N:
                return "NUMBER";
            case B:
                return "BINARY";
            case SS:
                return "STRING_SET";
            case NS:
                return "NUMBER_SET";
            case BS:
                return "BINARY_SET";
            case BOOL:
                return "BOOLEAN";
            case NULL:
                return "NULL";
            case L:
                return "LIST";
            default:
                return "MAP";
        }
    }

    @Override
    Operand function(Syntax.Call call) {
        String name = call.name().text();
        List<Operand> args = arguments(call, 2);
        if (name.equals("if_not_exists")) {
            requirePath(name, args.get(0));
            return new Operands.IfNotExists(args.get(0), args.get(1));
        }
        checkTypes(name, args, EnumSet.of(ValueType.L));
        return new Operands.ListAppend(args.get(0), args.get(1));
    }

    @Override
    Operand arithmetic(Syntax.Arithmetic a) {
        countOperator();
        Operand left = operand(a.left());
        Operand right = operand(a.right());
        checkTypes(a.operator().text(), Arrays.asList(left, right), EnumSet.of(ValueType.N));
        return new Operands.Arithmetic(a.operator().type() == TokenType.PLUS, left, right);
    }
}

package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns PartiQL value expressions (literals, {@code ?} parameters, lists, tuples and bags) into DynamoDB attribute
 * values, with DynamoDB's messages for what it cannot store.
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
final class Values {

    private final List<AttributeValue> parameters;

    Values(List<AttributeValue> parameters) {
        this.parameters = parameters;
    }

    /** True for expressions that denote a value rather than an attribute path, an operator or a function. */
    static boolean isValue(Expr e) {
        return e instanceof Ast.Literal
                || e instanceof Ast.Param
                || e instanceof Ast.ListLit
                || e instanceof Ast.BagLit
                || e instanceof Ast.MapLit;
    }

    AttributeValue convert(Expr e) {
        return convert(e, "root");
    }

    private AttributeValue convert(Expr e, String under) {
        if (e instanceof Ast.Param p) {
            return parameter(p.index());
        }
        if (e instanceof Ast.Literal l) {
            return literal(l, under);
        }
        if (e instanceof Ast.ListLit l) {
            List<AttributeValue> out = new ArrayList<>();
            for (Expr item : l.items()) {
                out.add(convert(item, under));
            }
            return AttributeValue.fromL(out);
        }
        if (e instanceof Ast.BagLit b) {
            return bag(b);
        }
        if (e instanceof Ast.MapLit m) {
            return AttributeValue.fromM(tuple(m, under));
        }
        throw PartiqlException.validation("Unsupported token in expression: " + e.at().text());
    }

    /** A tuple literal's entries, keys in order; {@code under} names the enclosing key for messages. */
    Map<String, AttributeValue> tuple(Ast.MapLit m, String under) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Ast.MapEntry entry : m.entries()) {
            String key = tupleKey(entry.key(), under);
            if (out.containsKey(key)) {
                throw PartiqlException.validation("Duplicate keys in tuple. Key: " + key + " under " + under + " at "
                        + entry.key().at().location());
            }
            out.put(key, convert(entry.value(), under));
        }
        return out;
    }

    private String tupleKey(Expr key, String under) {
        if (key instanceof Ast.Literal l && l.kind() == Ast.LiteralKind.STRING) {
            return l.text();
        }
        if (key instanceof Ast.Param p) {
            AttributeValue v = parameter(p.index());
            if (v.s() != null) {
                return v.s();
            }
        }
        throw PartiqlException.validation("Tuple keys must be of type String. Actual type: " + typeName(key) + " under "
                + under + " at " + key.at().location());
    }

    private static String typeName(Expr e) {
        if (e instanceof Ast.Path) {
            return "VariableReference";
        }
        if (e instanceof Ast.Literal l) {
            switch (l.kind()) {
                case NUMBER:
                    return l.text().contains(".") || l.text().toLowerCase().contains("e") ? "DECIMAL" : "INT";
                case TRUE:
                case FALSE:
                    return "BOOL";
                case NULL:
                    return "NULL";
                case MISSING:
                    return "MISSING";
                default:
                    return "Literal";
            }
        }
        return e.getClass().getSimpleName();
    }

    AttributeValue parameter(int index) {
        AttributeValue v = parameters.get(index);
        if (v.type() == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION || v.type() == null) {
            throw PartiqlException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        return v;
    }

    private static AttributeValue literal(Ast.Literal l, String under) {
        switch (l.kind()) {
            case STRING:
                return AttributeValue.fromS(l.text());
            case NUMBER:
                return AttributeValue.fromN(l.text());
            case TRUE:
                return AttributeValue.fromBool(true);
            case FALSE:
                return AttributeValue.fromBool(false);
            case NULL:
                return AttributeValue.fromNul(true);
            case MISSING:
                throw PartiqlException.validation(
                        "Unsupported data type: MISSING under key " + under + " at " + l.at().location());
            default:
                throw PartiqlException.validation("Ion Literals are not supported: " + ionType(l.text()) + " under key "
                        + under + " at " + l.at().location());
        }
    }

    private static String ionType(String ion) {
        String t = ion.trim();
        if (t.startsWith("{{")) {
            return "BLOB";
        }
        if (t.startsWith("{")) {
            return "STRUCT";
        }
        if (t.startsWith("[")) {
            return "LIST";
        }
        if (t.startsWith("(")) {
            return "SEXP";
        }
        if (t.startsWith("\"") || t.startsWith("'''")) {
            return "STRING";
        }
        return "SYMBOL";
    }

    private AttributeValue bag(Ast.BagLit b) {
        if (b.items().isEmpty()) {
            throw PartiqlException.validation("Empty bags are not supported at " + b.at().location());
        }
        List<String> strings = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<software.amazon.awssdk.core.SdkBytes> binaries = new ArrayList<>();
        AttributeValue.Type kind = null;
        for (Expr item : b.items()) {
            AttributeValue v = convert(item, "root");
            AttributeValue.Type t = v.type();
            if (kind == null) {
                kind = t;
            }
            if (t != kind
                    || !(t == AttributeValue.Type.S || t == AttributeValue.Type.N || t == AttributeValue.Type.B)) {
                throw PartiqlException.validation("Unsupported data type in Bag. DynamoDB only supports either "
                        + "numbers or strings in bags at " + item.at().location());
            }
            if (t == AttributeValue.Type.S) {
                strings.add(v.s());
            } else if (t == AttributeValue.Type.N) {
                numbers.add(v.n());
            } else {
                binaries.add(v.b());
            }
        }
        if (kind == AttributeValue.Type.S) {
            return AttributeValue.fromSs(strings);
        }
        if (kind == AttributeValue.Type.N) {
            return AttributeValue.fromNs(numbers);
        }
        return AttributeValue.fromBs(binaries);
    }
}

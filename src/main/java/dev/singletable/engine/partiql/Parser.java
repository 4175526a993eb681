package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for DynamoDB's PartiQL subset. Syntax errors raise {@link MalformedStatement}; constructs
 * that parse but DynamoDB refuses raise {@link PartiqlException} with DynamoDB's message.
 * The subset is the one of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
final class Parser {

    /** Words that can never be a bare attribute name (PartiQL reserves them). */
    private static final Set<String> RESERVED = Set.of(
            "SELECT",
            "FROM",
            "WHERE",
            "AND",
            "OR",
            "NOT",
            "IN",
            "IS",
            "BETWEEN",
            "ORDER",
            "BY",
            "VALUE",
            "INSERT",
            "INTO",
            "UPDATE",
            "DELETE",
            "SET",
            "REMOVE",
            "RETURNING",
            "NULL",
            "MISSING",
            "TRUE",
            "FALSE",
            "EXISTS",
            "AS",
            "AT",
            "LIKE",
            "GROUP",
            "HAVING",
            "LIMIT",
            "OFFSET",
            "UNION",
            "PIVOT",
            "UNPIVOT",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "JOIN",
            "ON",
            "DISTINCT",
            "ALL");

    /**
     * How deeply parentheses, brackets, braces, NOTs and subqueries may nest. The parser and the walks over what it
     * builds recurse once per level, so a statement nested hundreds deep (8 KB allow thousands) would overflow the
     * stack; past this depth the statement is refused as one AWS cannot parse, like any other malformed statement.
     * No real statement comes near it.
     */
    static final int MAX_NESTING = 64;

    private final List<Token> tokens;
    private int pos;
    private int params;
    private int nesting;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses one statement; also returns how many {@code ?} parameters it has. */
    static Parsed parse(String statement) {
        Parser p = new Parser(Lexer.tokenize(statement));
        Ast.Statement s = p.statement();
        if (p.peek().isSymbol(";")) {
            p.pos++;
        }
        if (!p.peek().is(Token.Kind.END)) {
            throw new MalformedStatement();
        }
        return new Parsed(s, p.params);
    }

    record Parsed(Ast.Statement statement, int parameterCount) {}

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(pos);
        if (!t.is(Token.Kind.END)) {
            pos++;
        }
        return t;
    }

    private boolean acceptKeyword(String k) {
        if (peek().isKeyword(k)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String s) {
        if (peek().isSymbol(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expectKeyword(String k) {
        if (!peek().isKeyword(k)) {
            throw new MalformedStatement();
        }
        return advance();
    }

    private void expectSymbol(String s) {
        if (!acceptSymbol(s)) {
            throw new MalformedStatement();
        }
    }

    private Ast.Statement statement() {
        Token t = peek();
        if (t.isKeyword("SELECT")) {
            return select();
        }
        if (t.isKeyword("INSERT")) {
            return insert();
        }
        if (t.isKeyword("UPDATE")) {
            return update();
        }
        if (t.isKeyword("DELETE")) {
            return delete();
        }
        if (t.isKeyword("EXISTS") && peek(1).isSymbol("(") && peek(2).isKeyword("SELECT")) {
            advance();
            advance();
            Ast.Select s = select();
            expectSymbol(")");
            return new Ast.Exists(s);
        }
        return new Ast.Expression(expression());
    }

    private Ast.Select select() {
        expectKeyword("SELECT");
        if (peek().isKeyword("VALUE") || peek().isKeyword("PIVOT")) {
            throw PartiqlException.validation("Select projection doesn't support value or pivot keywords");
        }
        List<Ast.Path> projections = null;
        if (!acceptSymbol("*")) {
            projections = new ArrayList<>();
            do {
                Token start = peek();
                Expr e = additive();
                if (!(e instanceof Ast.Path p)) {
                    throw PartiqlException.validation("Unexpected path component at " + start.location());
                }
                if (peek().isKeyword("AS")) {
                    throw PartiqlException.validation("Aliasing is not supported");
                }
                projections.add(p);
            } while (acceptSymbol(","));
        }
        expectKeyword("FROM");
        Ast.Target from = target();
        Expr where = null;
        if (acceptKeyword("WHERE")) {
            where = expression();
        }
        List<Ast.OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                Expr key = additive();
                boolean desc = false;
                if (acceptKeyword("DESC")) {
                    desc = true;
                } else {
                    acceptKeyword("ASC");
                }
                orderBy.add(new Ast.OrderItem(key, desc));
            } while (acceptSymbol(","));
        }
        return new Ast.Select(projections, from, where, orderBy);
    }

    private Ast.Target target() {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (acceptSymbol(".")) {
            parts.add(identifier());
        }
        if (peek().isKeyword("AS")
                || (peek().is(Token.Kind.IDENTIFIER) && !isReserved(peek()))
                || peek().is(Token.Kind.QUOTED_IDENTIFIER)) {
            throw PartiqlException.validation("Aliasing is not supported");
        }
        if (parts.size() > 2) {
            throw PartiqlException.validation("A path may contain at most 2 components in the FROM clause");
        }
        return new Ast.Target(parts.get(0), parts.size() == 2 ? parts.get(1) : null);
    }

    private String identifier() {
        Token t = peek();
        if (t.is(Token.Kind.QUOTED_IDENTIFIER) || (t.is(Token.Kind.IDENTIFIER) && !isReserved(t))) {
            advance();
            return t.text();
        }
        throw new MalformedStatement();
    }

    private static boolean isReserved(Token t) {
        return t.is(Token.Kind.IDENTIFIER) && RESERVED.contains(t.text().toUpperCase(Locale.ROOT));
    }

    private Ast.Insert insert() {
        expectKeyword("INSERT");
        expectKeyword("INTO");
        Ast.Target into = target();
        if (peek().isKeyword("AT")) {
            throw PartiqlException.validation("AT is not supported in insert statements.");
        }
        expectKeyword("VALUE");
        Expr value = expression();
        if (peek().isKeyword("RETURNING")) {
            throw PartiqlException.validation("RETURNING is not supported in INSERT");
        }
        return new Ast.Insert(into, value);
    }

    private Ast.Update update() {
        expectKeyword("UPDATE");
        Ast.Target table = target();
        List<Ast.UpdateAction> actions = new ArrayList<>();
        while (true) {
            if (acceptKeyword("SET")) {
                do {
                    Ast.Path path = path();
                    expectSymbol("=");
                    actions.add(new Ast.SetAction(path, expression()));
                } while (acceptSymbol(","));
            } else if (acceptKeyword("REMOVE")) {
                do {
                    actions.add(new Ast.RemoveAction(path()));
                } while (acceptSymbol(","));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) {
            throw new MalformedStatement();
        }
        Expr where = null;
        if (acceptKeyword("WHERE")) {
            where = expression();
        }
        return new Ast.Update(table, actions, where, returning());
    }

    private Ast.Delete delete() {
        expectKeyword("DELETE");
        expectKeyword("FROM");
        Ast.Target from = target();
        Expr where = null;
        if (acceptKeyword("WHERE")) {
            where = expression();
        }
        return new Ast.Delete(from, where, returning());
    }

    private @Nullable String returning() {
        if (!acceptKeyword("RETURNING")) {
            return null;
        }
        String scope;
        if (acceptKeyword("ALL")) {
            scope = "ALL";
        } else if (acceptKeyword("MODIFIED")) {
            scope = "MODIFIED";
        } else {
            throw new MalformedStatement();
        }
        String image;
        if (acceptKeyword("OLD")) {
            image = "OLD";
        } else if (acceptKeyword("NEW")) {
            image = "NEW";
        } else {
            throw new MalformedStatement();
        }
        expectSymbol("*");
        return scope + " " + image + " *";
    }

    private Ast.Path path() {
        Expr e = primary();
        if (e instanceof Ast.Path p) {
            return p;
        }
        throw new MalformedStatement();
    }

    // ---- expressions, lowest precedence first

    Expr expression() {
        enter();
        try {
            return or();
        } finally {
            nesting--;
        }
    }

    /** One level deeper; refuses the statement past {@link #MAX_NESTING}. The caller decrements when it leaves. */
    private void enter() {
        if (++nesting > MAX_NESTING) {
            throw new MalformedStatement();
        }
    }

    private Expr or() {
        Expr left = and();
        while (peek().isKeyword("OR")) {
            Token op = advance();
            left = new Ast.Binary("OR", left, and(), op);
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().isKeyword("AND")) {
            Token op = advance();
            left = new Ast.Binary("AND", left, not(), op);
        }
        return left;
    }

    private Expr not() {
        if (peek().isKeyword("NOT")) {
            Token op = advance();
            enter();
            try {
                return new Ast.Not(not(), op);
            } finally {
                nesting--;
            }
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.SYMBOL
                    && Set.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(t.text())) {
                advance();
                String op = t.text().equals("!=") ? "<>" : t.text();
                left = new Ast.Binary(op, left, additive(), t);
                continue;
            }
            if (t.isKeyword("IS")) {
                advance();
                boolean negated = acceptKeyword("NOT");
                Token type = advance();
                if (!type.is(Token.Kind.IDENTIFIER)) {
                    throw new MalformedStatement();
                }
                left = new Ast.Is(left, type.text().toUpperCase(Locale.ROOT), negated, type, t);
                continue;
            }
            boolean negated = false;
            if (t.isKeyword("NOT") && (peek(1).isKeyword("IN") || peek(1).isKeyword("BETWEEN"))) {
                advance();
                negated = true;
                t = peek();
            }
            if (t.isKeyword("BETWEEN")) {
                advance();
                Expr low = additive();
                expectKeyword("AND");
                Expr high = additive();
                left = new Ast.Between(left, low, high, negated, t);
                continue;
            }
            if (t.isKeyword("IN")) {
                advance();
                left = new Ast.In(left, inList(), negated, t);
                continue;
            }
            if (negated) {
                throw new MalformedStatement();
            }
            return left;
        }
    }

    private @Nullable List<Expr> inList() {
        Token open = peek();
        if (open.isSymbol("(") || open.isSymbol("[")) {
            advance();
            String close = open.isSymbol("(") ? ")" : "]";
            List<Expr> items = new ArrayList<>();
            if (!acceptSymbol(close)) {
                do {
                    items.add(expression());
                } while (acceptSymbol(","));
                expectSymbol(close);
            }
            return items;
        }
        return null;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (peek().isSymbol("+") || peek().isSymbol("-") || peek().isSymbol("||")) {
            Token op = advance();
            left = new Ast.Binary(op.text(), left, multiplicative(), op);
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            Token op = advance();
            left = new Ast.Binary(op.text(), left, unary(), op);
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.isSymbol("-") && peek(1).is(Token.Kind.NUMBER)) {
            advance();
            Token n = advance();
            return new Ast.Literal(
                    Ast.LiteralKind.NUMBER,
                    "-" + n.text(),
                    new Token(
                            Token.Kind.NUMBER,
                            "-" + n.text(),
                            t.line(),
                            t.column(),
                            n.column() + n.length() - t.column()));
        }
        if (t.isSymbol("+") && peek(1).is(Token.Kind.NUMBER)) {
            advance();
            return primary();
        }
        return primary();
    }

    private Expr primary() {
        Token t = advance();
        switch (t.kind()) {
            case STRING:
                return new Ast.Literal(Ast.LiteralKind.STRING, t.text(), t);
            case NUMBER:
                return new Ast.Literal(Ast.LiteralKind.NUMBER, t.text(), t);
            case ION:
                return new Ast.Literal(Ast.LiteralKind.ION, t.text(), t);
            case PARAMETER:
                return new Ast.Param(params++, t);
            case QUOTED_IDENTIFIER:
                return steps(t, new Ast.Name(t.text()));
            case IDENTIFIER:
                return identifierExpression(t);
            case SYMBOL:
                return symbolExpression(t);
            default:
                throw new MalformedStatement();
        }
    }

    private Expr identifierExpression(Token t) {
        String upper = t.text().toUpperCase(Locale.ROOT);
        switch (upper) {
            case "TRUE":
                return new Ast.Literal(Ast.LiteralKind.TRUE, t.text(), t);
            case "FALSE":
                return new Ast.Literal(Ast.LiteralKind.FALSE, t.text(), t);
            case "NULL":
                return new Ast.Literal(Ast.LiteralKind.NULL, t.text(), t);
            case "MISSING":
                return new Ast.Literal(Ast.LiteralKind.MISSING, t.text(), t);
            default:
                break;
        }
        if (peek().isSymbol("(")) {
            advance();
            List<Expr> args = new ArrayList<>();
            if (peek().isSymbol("*") && peek(1).isSymbol(")")) {
                advance(); // COUNT(*): parses, and is refused later as DynamoDB does
            }
            if (!acceptSymbol(")")) {
                do {
                    if (peek().isKeyword("SELECT")) {
                        Token at = peek();
                        args.add(new Ast.Subquery(select(), at));
                    } else {
                        args.add(expression());
                    }
                } while (acceptSymbol(","));
                expectSymbol(")");
            }
            return new Ast.Call(t.text(), args, t);
        }
        if (isReserved(t)) {
            throw new MalformedStatement();
        }
        return steps(t, new Ast.Name(t.text()));
    }

    private Expr symbolExpression(Token t) {
        switch (t.text()) {
            case "(": {
                if (peek().isKeyword("SELECT")) {
                    Token at = peek();
                    Ast.Select s = select();
                    expectSymbol(")");
                    return new Ast.Subquery(s, at);
                }
                Expr e = expression();
                if (peek().isSymbol(",")) {
                    List<Expr> items = new ArrayList<>();
                    items.add(e);
                    while (acceptSymbol(",")) {
                        items.add(expression());
                    }
                    expectSymbol(")");
                    return new Ast.ListLit(items, t);
                }
                expectSymbol(")");
                return e;
            }
            case "[": {
                List<Expr> items = new ArrayList<>();
                if (!acceptSymbol("]")) {
                    do {
                        items.add(expression());
                    } while (acceptSymbol(","));
                    expectSymbol("]");
                }
                return new Ast.ListLit(items, t);
            }
            case "<<": {
                List<Expr> items = new ArrayList<>();
                if (!acceptSymbol(">>")) {
                    do {
                        items.add(additive());
                    } while (acceptSymbol(","));
                    expectSymbol(">>");
                }
                return new Ast.BagLit(items, t);
            }
            case "{": {
                List<Ast.MapEntry> entries = new ArrayList<>();
                if (!acceptSymbol("}")) {
                    do {
                        Expr key = expression();
                        expectSymbol(":");
                        entries.add(new Ast.MapEntry(key, expression()));
                    } while (acceptSymbol(","));
                    expectSymbol("}");
                }
                return new Ast.MapLit(entries, t);
            }
            default:
                throw new MalformedStatement();
        }
    }

    /** Path steps after the first name: {@code .name}, {@code ."name"}, {@code [3]}, {@code ['name']}. */
    private Expr steps(Token start, Ast.Name first) {
        List<Ast.Step> steps = new ArrayList<>();
        steps.add(first);
        while (true) {
            if (peek().isSymbol(".")) {
                advance();
                Token n = advance();
                if (n.isSymbol("*")) {
                    throw PartiqlException.validation("Unpivot path component like a.*.b are not supported");
                }
                if (!(n.is(Token.Kind.IDENTIFIER) || n.is(Token.Kind.QUOTED_IDENTIFIER))) {
                    throw new MalformedStatement();
                }
                steps.add(new Ast.Name(n.text()));
            } else if (peek().isSymbol("[")) {
                advance();
                Token n = advance();
                if (n.isSymbol("*")) {
                    throw PartiqlException.validation("Wildcard path component like a[*].b are not supported");
                }
                if (n.is(Token.Kind.NUMBER) && n.text().chars().allMatch(Character::isDigit)) {
                    try {
                        steps.add(new Ast.Index(Integer.parseInt(n.text())));
                    } catch (NumberFormatException e) {
                        throw PartiqlException.validation(
                                "List index is not within the allowable range; index: [" + n.text() + "]");
                    }
                } else if (n.is(Token.Kind.STRING)) {
                    steps.add(new Ast.Name(n.text()));
                } else {
                    throw new MalformedStatement();
                }
                expectSymbol("]");
            } else {
                return new Ast.Path(List.copyOf(steps), start);
            }
        }
    }
}

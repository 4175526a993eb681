package dev.singletable.engine.expr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Recursive-descent parser for DynamoDB's condition, update and projection grammars, reporting syntax errors at the
 * same token DynamoDB's own parser does.
 *
 * <p>The one place the grammar needs unbounded lookahead is an opening parenthesis where a condition is expected:
 * it may open a parenthesised condition or a parenthesised operand of a comparison. Like DynamoDB's (ANTLR)
 * parser, the choice is made by looking ahead until only one alternative remains viable; when none does, the
 * token where the last ones died is the syntax error and nothing inside is reported. Redundant parentheses are
 * reported while parsing, when the outer pair closes, so they win over syntax errors further right.
 * The grammars are the syntax summaries of [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class Parser {

    private static final Set<TokenType> SECTIONS =
            EnumSet.of(TokenType.SET, TokenType.REMOVE, TokenType.ADD, TokenType.DELETE);
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Raised at the token where no parse can continue; internal to the parser and cheap to create. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int at;

        Failure(int at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    /** Outcome of the parenthesis decision: which alternative to parse, or the token where both fail. */
    private static final class Decision {
        final boolean group;
        final int failAt;

        Decision(boolean group, int failAt) {
            this.group = group;
            this.failAt = failAt;
        }
    }

    private final String text;
    private final String kind;
    private final List<Token> tokens;
    private final Map<Integer, Decision> decisions = new HashMap<>();
    private final Map<Integer, Integer> groupMemo = new HashMap<>();
    private final Map<Integer, Integer> operandMemo = new HashMap<>();
    private int pos;
    private boolean trial;

    Parser(String text, String kind) {
        this.text = text;
        this.kind = kind;
        this.tokens = Lexer.tokenize(text);
    }

    Syntax.Condition condition() {
        try {
            Syntax.Condition c = or();
            expect(TokenType.EOF);
            return c;
        } catch (Failure f) {
            throw ExprErrors.syntax(kind, text, tokens, f.at);
        }
    }

    Syntax.Update update() {
        try {
            List<Syntax.Action> actions = new ArrayList<>();
            Set<TokenType> seen = EnumSet.noneOf(TokenType.class);
            Token repeated = null;
            if (!SECTIONS.contains(peek().type())) {
                throw new Failure(pos);
            }
            while (SECTIONS.contains(peek().type())) {
                Token section = next();
                if (!seen.add(section.type()) && repeated == null) {
                    repeated = section;
                }
                do {
                    actions.add(action(section.type()));
                } while (accept(TokenType.COMMA));
            }
            expect(TokenType.EOF);
            return new Syntax.Update(actions, repeated);
        } catch (Failure f) {
            throw ExprErrors.syntax(kind, text, tokens, f.at);
        }
    }

    List<Syntax.Path> projection() {
        try {
            List<Syntax.Path> paths = new ArrayList<>();
            do {
                paths.add(path());
            } while (accept(TokenType.COMMA));
            expect(TokenType.EOF);
            return paths;
        } catch (Failure f) {
            throw ExprErrors.syntax(kind, text, tokens, f.at);
        }
    }

    // ---- conditions: OR < AND < NOT < primary

    private Syntax.Condition or() {
        Syntax.Condition left = and();
        while (peek().type() == TokenType.OR) {
            Token op = next();
            left = new Syntax.Logical(op, left, and());
        }
        return left;
    }

    private Syntax.Condition and() {
        Syntax.Condition left = not();
        while (peek().type() == TokenType.AND) {
            Token op = next();
            left = new Syntax.Logical(op, left, not());
        }
        return left;
    }

    private Syntax.Condition not() {
        if (peek().type() == TokenType.NOT) {
            Token op = next();
            return new Syntax.Not(op, not());
        }
        return primary();
    }

    private Syntax.Condition primary() {
        Token t = peek();
        if (t.type() == TokenType.LPAREN) {
            Decision d = decide(pos);
            if (d.failAt >= 0) {
                throw new Failure(d.failAt);
            }
            if (d.group) {
                return group();
            }
            return comparison(operand());
        }
        if (t.type() == TokenType.ID && peekAt(1).type() == TokenType.LPAREN) {
            Syntax.Call call = call();
            if (startsComparison(peek().type())) {
                return comparison(call);
            }
            return new Syntax.FunctionCondition(call);
        }
        return comparison(operand());
    }

    private Syntax.Condition group() {
        int start = pos;
        if (trial && replay(groupMemo, start)) {
            return new Syntax.Measured();
        }
        try {
            expect(TokenType.LPAREN);
            Syntax.Condition inner = or();
            expect(TokenType.RPAREN);
            if (inner instanceof Syntax.Group) {
                redundant();
            }
            remember(groupMemo, start, pos);
            return new Syntax.Group(inner);
        } catch (Failure f) {
            remember(groupMemo, start, -f.at - 1);
            throw f;
        }
    }

    /**
     * In trial parses, a parenthesised condition or operand starting at a given token always parses the same way;
     * remembering where it ended (or failed) keeps lookahead over deep nesting linear.
     */
    private boolean replay(Map<Integer, Integer> memo, int start) {
        Integer end = memo.get(start);
        if (end == null) {
            return false;
        }
        if (end < 0) {
            throw new Failure(-end - 1);
        }
        pos = end;
        return true;
    }

    private void remember(Map<Integer, Integer> memo, int start, int end) {
        if (trial) {
            memo.put(start, end);
        }
    }

    private Syntax.Condition comparison(Syntax.Operand left) {
        Token op = peek();
        if (op.type().isComparator()) {
            next();
            return new Syntax.Comparison(op, left, operand());
        }
        if (op.type() == TokenType.BETWEEN) {
            next();
            Syntax.Operand low = operand();
            expect(TokenType.AND);
            return new Syntax.Between(op, left, low, operand());
        }
        if (op.type() == TokenType.IN) {
            next();
            expect(TokenType.LPAREN);
            List<Syntax.Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RPAREN);
            return new Syntax.In(op, left, candidates);
        }
        throw new Failure(pos);
    }

    private static boolean startsComparison(TokenType type) {
        return type.isComparator() || type == TokenType.BETWEEN || type == TokenType.IN;
    }

    private static boolean followsCondition(TokenType type) {
        return type == TokenType.AND || type == TokenType.OR || type == TokenType.RPAREN || type == TokenType.EOF;
    }

    /** Chooses between a parenthesised condition and a parenthesised operand at token {@code at}. */
    private Decision decide(int at) {
        Decision d = decisions.get(at);
        if (d != null) {
            return d;
        }
        int groupReach = reach(() -> {
            group();
            return followsCondition(peek().type());
        });
        int operandReach = reach(() -> {
            operand();
            return startsComparison(peek().type());
        });
        // The comparison, BETWEEN and IN alternatives share the operand, so they only become the single viable
        // alternative at the token after it; until then the parenthesised condition wins if it is still viable.
        if (operandReach == UNBOUNDED) {
            d = new Decision(false, -1);
        } else if (groupReach == UNBOUNDED || groupReach > operandReach) {
            d = new Decision(true, -1);
        } else {
            d = new Decision(false, operandReach);
        }
        decisions.put(at, d);
        return d;
    }

    /** How far an alternative parses from the current position: the failing token, or UNBOUNDED. */
    private int reach(BooleanSupplier alternative) {
        int saved = pos;
        boolean savedTrial = trial;
        trial = true;
        try {
            return alternative.getAsBoolean() ? UNBOUNDED : pos;
        } catch (Failure f) {
            return f.at;
        } finally {
            pos = saved;
            trial = savedTrial;
        }
    }

    // ---- operands

    /** An operand of a condition or function argument: path, :value, function call or parenthesised operand. */
    private Syntax.Operand operand() {
        Token t = peek();
        if (t.type() == TokenType.LPAREN) {
            int start = pos;
            if (trial && replay(operandMemo, start)) {
                return new Syntax.MeasuredOperand();
            }
            try {
                next();
                Syntax.Operand inner = operand();
                expect(TokenType.RPAREN);
                if (inner instanceof Syntax.Paren) {
                    redundant();
                }
                remember(operandMemo, start, pos);
                return new Syntax.Paren(inner);
            } catch (Failure f) {
                remember(operandMemo, start, -f.at - 1);
                throw f;
            }
        }
        return simpleOperand();
    }

    private Syntax.Operand simpleOperand() {
        Token t = peek();
        if (t.type() == TokenType.VALUE_REF) {
            next();
            return new Syntax.Value(t);
        }
        if (t.type() == TokenType.ID && peekAt(1).type() == TokenType.LPAREN) {
            return call();
        }
        return path();
    }

    private Syntax.Call call() {
        Token name = next();
        expect(TokenType.LPAREN);
        List<Syntax.Operand> args = new ArrayList<>();
        do {
            args.add(operand());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RPAREN);
        return new Syntax.Call(name, args);
    }

    private Syntax.Path path() {
        List<Syntax.PathElement> elements = new ArrayList<>();
        elements.add(new Syntax.PathElement(name(), false));
        while (true) {
            if (accept(TokenType.DOT)) {
                elements.add(new Syntax.PathElement(name(), false));
            } else if (accept(TokenType.LBRACKET)) {
                Token index = peek();
                if (index.type() != TokenType.INDEX) {
                    throw new Failure(pos);
                }
                next();
                expect(TokenType.RBRACKET);
                elements.add(new Syntax.PathElement(index, true));
            } else {
                return new Syntax.Path(elements);
            }
        }
    }

    private Token name() {
        Token t = peek();
        if (t.type() != TokenType.ID && t.type() != TokenType.NAME_REF) {
            throw new Failure(pos);
        }
        return next();
    }

    // ---- update

    private Syntax.Action action(TokenType section) {
        Syntax.Path target = path();
        switch (section) {
            case SET:
                expect(TokenType.EQ);
                return new Syntax.Action(section, target, setValue());
            case REMOVE:
                return new Syntax.Action(section, target, null);
            default:
                Token value = peek();
                if (value.type() != TokenType.VALUE_REF) {
                    throw new Failure(pos);
                }
                next();
                return new Syntax.Action(section, target, new Syntax.Value(value));
        }
    }

    /** A SET value: one term, or two terms joined by + or -. */
    private Syntax.Operand setValue() {
        Syntax.Operand left = term();
        Token op = peek();
        if (op.type() == TokenType.PLUS || op.type() == TokenType.MINUS) {
            next();
            return new Syntax.Arithmetic(op, left, term());
        }
        return left;
    }

    private Syntax.Operand term() {
        if (peek().type() == TokenType.LPAREN) {
            next();
            Syntax.Operand inner = setValue();
            expect(TokenType.RPAREN);
            if (inner instanceof Syntax.Paren) {
                redundant();
            }
            return new Syntax.Paren(inner);
        }
        return simpleOperand();
    }

    // ---- token helpers

    private void redundant() {
        if (!trial) {
            throw ExprErrors.invalid(kind, "The expression has redundant parentheses;");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(TokenType type) {
        if (peek().type() != type) {
            throw new Failure(pos);
        }
        pos++;
    }
}

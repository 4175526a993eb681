package dev.singletable.engine.partiql;

import java.util.ArrayList;
import java.util.List;

/** Splits a PartiQL statement into tokens; any lexical error makes the statement "not well formed". */
final class Lexer {

    private static final String[] SYMBOLS = {
        "<<", ">>", "<=", ">=", "<>", "!=", "||", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "*", "+",
        "-", "/", "%", ";"
    };

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String statement) {
        return new Lexer(statement).run();
    }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(new Token(Token.Kind.END, "", line, column(pos), 0));
                return out;
            }
            out.add(next());
        }
    }

    private int column(int at) {
        return at - lineStart + 1;
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("--", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new MalformedStatement();
                }
                for (int i = pos; i < end; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (c == '\'') {
            return quoted('\'', Token.Kind.STRING, start);
        }
        if (c == '"') {
            return quoted('"', Token.Kind.QUOTED_IDENTIFIER, start);
        }
        if (c == '`') {
            int end = src.indexOf('`', pos + 1);
            if (end < 0) {
                throw new MalformedStatement();
            }
            pos = end + 1;
            return token(Token.Kind.ION, src.substring(start + 1, end), start);
        }
        if (c == '?') {
            pos++;
            return token(Token.Kind.PARAMETER, "?", start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < src.length()
                    && (Character.isLetterOrDigit(src.charAt(pos))
                            || src.charAt(pos) == '_'
                            || src.charAt(pos) == '$')) {
                pos++;
            }
            return token(Token.Kind.IDENTIFIER, src.substring(start, pos), start);
        }
        for (String s : SYMBOLS) {
            if (src.startsWith(s, pos)) {
                pos += s.length();
                return token(Token.Kind.SYMBOL, s, start);
            }
        }
        throw new MalformedStatement();
    }

    private Token quoted(char quote, Token.Kind kind, int start) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= src.length()) {
                throw new MalformedStatement();
            }
            char c = src.charAt(pos);
            if (c == quote) {
                if (pos + 1 < src.length() && src.charAt(pos + 1) == quote) {
                    sb.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return token(kind, sb.toString(), start);
            }
            sb.append(c);
            pos++;
        }
    }

    private Token number(int start) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        return token(Token.Kind.NUMBER, src.substring(start, pos), start);
    }

    private Token token(Token.Kind kind, String text, int start) {
        return new Token(kind, text, line, column(start), pos - start);
    }
}

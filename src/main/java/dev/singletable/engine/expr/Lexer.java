package dev.singletable.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Splits an expression into tokens; whitespace is dropped, the list always ends with an EOF token. */
final class Lexer {

    private Lexer() {}

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
                continue;
            }
            TokenType single = single(c);
            if (single != null) {
                tokens.add(new Token(single, String.valueOf(c), start, start));
                i++;
            } else if (c == '<') {
                if (i + 1 < n && text.charAt(i + 1) == '>') {
                    tokens.add(new Token(TokenType.NE, "<>", start, start + 1));
                    i += 2;
                } else if (i + 1 < n && text.charAt(i + 1) == '=') {
                    tokens.add(new Token(TokenType.LE, "<=", start, start + 1));
                    i += 2;
                } else {
                    tokens.add(new Token(TokenType.LT, "<", start, start));
                    i++;
                }
            } else if (c == '>') {
                if (i + 1 < n && text.charAt(i + 1) == '=') {
                    tokens.add(new Token(TokenType.GE, ">=", start, start + 1));
                    i += 2;
                } else {
                    tokens.add(new Token(TokenType.GT, ">", start, start));
                    i++;
                }
            } else if (c >= '0' && c <= '9') {
                // "0" stands alone, so "01" is two indexes (and a syntax error), as in DynamoDB
                i++;
                if (c != '0') {
                    while (i < n && isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                tokens.add(new Token(TokenType.INDEX, text.substring(start, i), start, i - 1));
            } else if (isLetter(c)) {
                i++;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                String word = text.substring(start, i);
                tokens.add(new Token(keyword(word), word, start, i - 1));
            } else if ((c == '#' || c == ':') && i + 1 < n && isWordChar(text.charAt(i + 1))) {
                i += 2;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                TokenType type = c == '#' ? TokenType.NAME_REF : TokenType.VALUE_REF;
                tokens.add(new Token(type, text.substring(start, i), start, i - 1));
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                tokens.add(new Token(TokenType.UNKNOWN, text.substring(start, i), start, i - 1));
            }
        }
        tokens.add(new Token(TokenType.EOF, "<EOF>", n, n - 1));
        return tokens;
    }

    private static @Nullable TokenType single(char c) {
        switch (c) {
            case ',':
                return TokenType.COMMA;
            case '(':
                return TokenType.LPAREN;
            case ')':
                return TokenType.RPAREN;
            case '.':
                return TokenType.DOT;
            case '[':
                return TokenType.LBRACKET;
            case ']':
                return TokenType.RBRACKET;
            case '=':
                return TokenType.EQ;
            case '+':
                return TokenType.PLUS;
            case '-':
                return TokenType.MINUS;
            default:
                return null;
        }
    }

    private static TokenType keyword(String word) {
        switch (word.toUpperCase(Locale.ROOT)) {
            case "IN":
                return TokenType.IN;
            case "BETWEEN":
                return TokenType.BETWEEN;
            case "NOT":
                return TokenType.NOT;
            case "AND":
                return TokenType.AND;
            case "OR":
                return TokenType.OR;
            case "SET":
                return TokenType.SET;
            case "ADD":
                return TokenType.ADD;
            case "DELETE":
                return TokenType.DELETE;
            case "REMOVE":
                return TokenType.REMOVE;
            default:
                return TokenType.ID;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }
}

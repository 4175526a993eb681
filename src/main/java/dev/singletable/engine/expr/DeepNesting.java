package dev.singletable.engine.expr;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs the compilation of a deeply parenthesised expression on a thread with a large stack. Parsing and checking
 * recurse once per nesting level; an expression of 4096 bytes can nest about 4000 levels, more than a default
 * thread stack holds, and such an expression must still get DynamoDB's answer rather than a stack overflow.
 */
final class DeepNesting {

    /** Nesting depth up to which the caller's stack is used. */
    private static final int SHALLOW = 64;

    private static final long LARGE_STACK_BYTES = 256L * 1024 * 1024;

    private DeepNesting() {}

    static <T> T compile(String text, Supplier<T> compilation) {
        if (depth(text) <= SHALLOW) {
            return compilation.get();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(
                null,
                () -> {
                    try {
                        result.set(compilation.get());
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                },
                "deep-expression-parser",
                LARGE_STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing an expression", e);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t != null) { // a checked exception thrown sneakily
            throw new IllegalStateException(t);
        }
        // the worker ended without a failure, so it stored the compilation's (non-null) result
        return Objects.requireNonNull(result.get());
    }

    /** The deepest nesting of opening parentheses (whether or not they are closed). */
    static int depth(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return max;
    }
}

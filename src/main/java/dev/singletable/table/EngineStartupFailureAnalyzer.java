package dev.singletable.table;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows an {@link EngineStartupException} as Spring Boot shows a failure it understands: its one-line description
 * and what to do, without a stack trace (registered in {@code META-INF/spring.factories}).
 */
class EngineStartupFailureAnalyzer extends AbstractFailureAnalyzer<EngineStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EngineStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

package dev.singletable.table;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link CacheStartupException} as one line and what to do (registered in META-INF/spring.factories). */
class CacheStartupFailureAnalyzer extends AbstractFailureAnalyzer<CacheStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CacheStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}

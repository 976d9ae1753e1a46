package io.musicstream.infra.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a missing service URL as one clear paragraph instead of a stack trace. */
class MissingServiceUrlFailureAnalyzer extends AbstractFailureAnalyzer<MissingServiceUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingServiceUrlException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.variables()) + " to the servers' URLs. For local development,"
                        + " `make run` starts the project's dev services and passes their URLs.",
                cause);
    }
}

package io.musicstream.infra.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a missing service URL as one clear paragraph instead of a stack trace. */
class MissingServiceUrlFailureAnalyzer extends AbstractFailureAnalyzer<MissingServiceUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingServiceUrlException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + String.join(", ", cause.variables()) + " to the production servers' URLs, or, for local"
                        + " development only, start with --music.dev-services.enabled=true (make run does).",
                cause);
    }
}

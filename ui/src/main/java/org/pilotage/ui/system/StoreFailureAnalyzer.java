package org.pilotage.ui.system;

import org.pilotage.analytics.store.StoreUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by the store or the first-run checks: one sentence, no stack trace. */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnavailableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the cause named above and start Pilotage again (settings: see the README's configuration table).", cause);
    }
}

package org.pilotage.ingestion;

import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;

/** A file or a request that ingestion refuses outright, with the HTTP status that fits and one sentence. */
public class IngestionRefusedException extends Refusal {

    public IngestionRefusedException(Reason reason, String key, Object... args) {
        super(reason, Sentence.of(key, args));
    }
}

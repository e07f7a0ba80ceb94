package org.pilotage.ingestion.load;

import org.pilotage.ingestion.log.Ingestion;

/** What a load ended with. */
public record LoadResult(Ingestion ingestion) {
}

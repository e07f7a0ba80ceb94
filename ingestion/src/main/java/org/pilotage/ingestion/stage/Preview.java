package org.pilotage.ingestion.stage;

import java.util.List;

/** The first rows of a file as Pilotage will read them, shown to the steward before the load. */
public record Preview(StagedFile file, List<List<String>> rows) {
}

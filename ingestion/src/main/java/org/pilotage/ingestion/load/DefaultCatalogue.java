package org.pilotage.ingestion.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the indicator catalogue shipped with Pilotage, through the ingestion job, when the store has none yet. */
public class DefaultCatalogue {

    public static final String RESOURCE = "pilotage/ingestion/default-indicator-catalogue.csv";
    private static final Logger log = LoggerFactory.getLogger(DefaultCatalogue.class);

    private final CatalogueRepository catalogue;
    private final IngestionService ingestion;

    public DefaultCatalogue(CatalogueRepository catalogue, IngestionService ingestion) {
        this.catalogue = catalogue;
        this.ingestion = ingestion;
    }

    public synchronized void loadIfEmpty() {
        if (!catalogue.isEmpty()) {
            return;
        }
        try (InputStream in = DefaultCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The default catalogue " + RESOURCE + " is missing from the application");
            }
            Ingestion i = ingestion.submit(in, "catalogue-par-defaut.csv", FileKind.INDICATOR_CATALOGUE, "system");
            i = i.ended() ? i : ingestion.awaitEnd(i.id(), Duration.ofMinutes(2));
            if (i.status() != IngestionStatus.COMPLETED && i.status() != IngestionStatus.DUPLICATE) {
                throw new IllegalStateException("The default catalogue did not load: " + i.message());
            }
            log.info("Default indicator catalogue loaded: {}", i.message());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

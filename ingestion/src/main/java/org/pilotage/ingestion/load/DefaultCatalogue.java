package org.pilotage.ingestion.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.IngestionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the indicator catalogue shipped with Pilotage when the store has none yet (every profile). */
public class DefaultCatalogue {

    public static final String RESOURCE = "pilotage/ingestion/default-indicator-catalogue.csv";
    private static final Logger log = LoggerFactory.getLogger(DefaultCatalogue.class);

    private final CatalogueRepository catalogue;
    private final FileLoader loader;
    private final DuckDbStore store;

    public DefaultCatalogue(CatalogueRepository catalogue, FileLoader loader, DuckDbStore store) {
        this.catalogue = catalogue;
        this.loader = loader;
        this.store = store;
    }

    public void loadIfEmpty() {
        if (!catalogue.isEmpty()) {
            return;
        }
        Path file = store.dataDir().resolve("work").resolve("default-indicator-catalogue.csv");
        try (InputStream in = DefaultCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The default catalogue " + RESOURCE + " is missing from the application");
            }
            Files.createDirectories(file.getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            var result = loader.load(file, "catalogue-par-defaut.csv", FileKind.INDICATOR_CATALOGUE, "system");
            if (result.ingestion().status() != IngestionStatus.COMPLETED && result.ingestion().status() != IngestionStatus.DUPLICATE) {
                throw new IllegalStateException("The default catalogue did not load: " + result.ingestion().message());
            }
            log.info("Default indicator catalogue loaded: {}", result.ingestion().message());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

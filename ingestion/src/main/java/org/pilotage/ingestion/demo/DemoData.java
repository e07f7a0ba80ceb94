package org.pilotage.ingestion.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.demo.DemoDataLoaded;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.store.AppSettings;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.DefaultCatalogue;
import org.pilotage.ingestion.log.IngestionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The demo profile's data: written as contract files into the data dir and loaded through the
 * same ingestion job as a steward's files, once (a restart finds the marker and loads nothing).
 */
public class DemoData {

    static final String MARKER = "demo-data-loaded";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IngestionService ingestion;
    private final DuckDbStore store;
    private final AppSettings settings;
    private final ReferenceRepository reference;
    private final CatalogueRepository indicators;
    private final Clock clock;
    private final DefaultCatalogue catalogue;
    private final ApplicationEventPublisher events;

    public DemoData(IngestionService ingestion, DuckDbStore store, AppSettings settings, ReferenceRepository reference,
                    CatalogueRepository indicators, Clock clock, DefaultCatalogue catalogue, ApplicationEventPublisher events) {
        this.ingestion = ingestion;
        this.store = store;
        this.settings = settings;
        this.reference = reference;
        this.indicators = indicators;
        this.clock = clock;
        this.catalogue = catalogue;
        this.events = events;
    }

    public boolean loaded() {
        return settings.get(MARKER).isPresent();
    }

    /** Loads the demo files once, then lets each feature seed its demo content over them (once too). */
    public void loadOnce() {
        catalogue.loadIfEmpty();
        if (loaded()) {
            events.publishEvent(new DemoDataLoaded(YearMonth.parse(settings.get(MARKER).orElseThrow())));
            return;
        }
        long start = System.nanoTime();
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);
        Path dir = store.dataDir().resolve("demo");
        try {
            Files.createDirectories(dir);
            DemoDataGenerator generator = new DemoDataGenerator(20_261_124L);
            load(generator.writeMeasures(dir.resolve("demo-mesures.csv"), indicators.findAll(), lastMonth), FileKind.INDICATOR_MEASURES);
            load(generator.writeProjectCounts(dir.resolve("demo-decomptes-projets.csv"), lastMonth), FileKind.PROJECT_COUNTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var est : DemoDataGenerator.ESTABLISHMENTS) {
            reference.nameEstablishment(est.code(), est.name());
        }
        settings.put(MARKER, lastMonth.toString());
        events.publishEvent(new DemoDataLoaded(lastMonth));
        log.info("Demo data loaded ({} months ending {}) in {} ms", DemoDataGenerator.MONTHS, lastMonth,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void load(Path file, FileKind kind) {
        var result = ingestion.load(file, file.getFileName().toString(), kind, "demo", java.time.Duration.ofMinutes(5));
        if (result.status() != IngestionStatus.COMPLETED && result.status() != IngestionStatus.DUPLICATE) {
            throw new IllegalStateException("Demo file " + file.getFileName() + " did not load: " + result.message());
        }
    }
}

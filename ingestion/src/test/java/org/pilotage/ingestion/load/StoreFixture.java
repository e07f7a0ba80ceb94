package org.pilotage.ingestion.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.StoreProperties;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.log.IngestionLog;
import org.springframework.jdbc.core.JdbcTemplate;

/** A real store in a temporary folder with the default catalogue loaded, and a loader over it. */
final class StoreFixture implements AutoCloseable {

    final Path dir;
    final DuckDbStore store;
    final JdbcTemplate jdbc;
    final IngestionLog log;
    final FileLoader loader;

    StoreFixture(Path dir) {
        this.dir = dir;
        this.store = DuckDbStore.open(StoreProperties.of(dir.resolve("data")));
        this.jdbc = new JdbcTemplate(store.dataSource());
        this.log = new IngestionLog(jdbc);
        this.loader = new FileLoader(store, log, IngestionProperties.defaults());
        new DefaultCatalogue(new CatalogueRepository(jdbc), loader, store).loadIfEmpty();
    }

    Path sample(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    Path file(String name, String content, Charset charset) throws IOException {
        Path target = dir.resolve(name);
        Files.writeString(target, content, charset);
        return target;
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        store.close();
    }
}

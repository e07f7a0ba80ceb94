package org.pilotage.analytics.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Pilotage keeps its data and how much of the machine DuckDB may use.
 *
 * @param dataDir     folder of the DuckDB file, uploaded files and reject reports ({@code pilotage.data-dir})
 * @param memoryLimit DuckDB {@code memory_limit} (e.g. {@code 4GB}); empty = half of the memory the JVM heap leaves free
 * @param threads     DuckDB worker threads; 0 = one per core
 * @param poolSize    pooled JDBC connections over the one database instance
 */
@ConfigurationProperties(prefix = "pilotage")
public record StoreProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Store store) {

    public record Store(
            @DefaultValue("") String memoryLimit,
            @DefaultValue("0") int threads,
            @DefaultValue("8") int poolSize) {
    }

    public static StoreProperties of(Path dataDir) {
        return new StoreProperties(dataDir, new Store("", 0, 8));
    }
}

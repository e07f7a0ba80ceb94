package org.pilotage.ingestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingestion settings ({@code pilotage.ingestion.*}).
 *
 * @param maxFileSize       largest file accepted
 * @param skipLimitPercent  a file fails when more than this share of its rows is rejected
 * @param skipLimitRows     … or when more than this many rows are rejected
 */
@ConfigurationProperties(prefix = "pilotage.ingestion")
public record IngestionProperties(
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("5") double skipLimitPercent,
        @DefaultValue("10000") long skipLimitRows) {

    public static IngestionProperties defaults() {
        return new IngestionProperties(DataSize.ofMegabytes(200), 5, 10_000);
    }

    public boolean tooManyRejected(long rejected, long read) {
        return rejected > skipLimitRows || (read > 0 && rejected * 100.0 / read > skipLimitPercent);
    }
}

package org.pilotage.ingestion.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;

import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.text.Messages;
import org.pilotage.ingestion.report.RejectReport;
import org.pilotage.ingestion.IngestionConfiguration;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ingestion side of Pilotage for real: a DuckDB store in a temporary folder, the Spring Batch
 * job repository in it, the default catalogue loaded through the job.
 */
public final class StoreFixture implements AutoCloseable {

    public final Path dir;
    public final ConfigurableApplicationContext context;
    public final DuckDbStore store;
    public final JdbcTemplate jdbc;
    public final IngestionLog log;
    public final IngestionService ingestion;

    public StoreFixture(Path dir, String... properties) {
        this.dir = dir;
        String[] args = new String[properties.length + 1];
        args[0] = "--pilotage.data-dir=" + dir.resolve("data");
        for (int i = 0; i < properties.length; i++) {
            args[i + 1] = "--" + properties[i];
        }
        this.context = new SpringApplicationBuilder(IngestionConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(args);
        this.store = context.getBean(DuckDbStore.class);
        this.jdbc = context.getBean(JdbcTemplate.class); // reads as dashboards do
        this.log = context.getBean(IngestionLog.class);
        this.ingestion = context.getBean(IngestionService.class);
    }

    /** Loads a file as a steward would and waits for the outcome. */
    public Ingestion load(Path file, FileKind kind) {
        return ingestion.load(file, file.getFileName().toString(), kind, "steward", Duration.ofMinutes(2));
    }

    public Path sample(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    public Path file(String name, String content, Charset charset) throws IOException {
        Path target = dir.resolve(name);
        Files.writeString(target, content, charset);
        return target;
    }

    /**
     * The reject rows of an ingestion, each as {@code pattern} with {line}, {column} and {reason} (in French) filled in,
     * by line then column.
     */
    public List<String> rejects(long ingestionId, String pattern) {
        return jdbc.query("SELECT line, column_name, reason, reason_args FROM ingestion_reject WHERE ingestion_id = ? ORDER BY line, column_name",
                (rs, i) -> pattern.replace("{line}", rs.getString("line"))
                        .replace("{column}", rs.getString("column_name") == null ? "" : rs.getString("column_name"))
                        .replace("{reason}", RejectReport.reason(rs.getString("reason"), rs.getArray("reason_args"), Messages.FRENCH)),
                ingestionId);
    }

    /** How the last ingestion job read its file, as its step recorded it: "staged", "straight from the file", or both in turn. */
    public String howLastFileWasRead() {
        var batch = context.getBean(org.springframework.batch.core.repository.JobRepository.class);
        var execution = batch.getLastJobExecution(batch.getLastJobInstance(org.pilotage.ingestion.jobs.IngestionJobConfiguration.JOB_NAME));
        return execution.getStepExecutions().iterator().next().getExecutionContext().getString("read");
    }

    public long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Override
    public void close() {
        context.close();
    }
}

package org.pilotage.ingestion;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.pilotage.analytics.AnalyticsConfiguration;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.store.AppSettings;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.demo.DemoData;
import org.pilotage.ingestion.jobs.BatchInfrastructure;
import org.pilotage.ingestion.jobs.IngestionJobConfiguration;
import org.pilotage.ingestion.jobs.IngestionJobListener;
import org.pilotage.ingestion.load.DefaultCatalogue;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.report.RejectReport;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Loading files into the store through the ingestion job. Before anything serves: executions cut by
 * a crash are resumed, the default catalogue is loaded when absent, and (demo profile) the demo data.
 */
@Configuration(proxyBeanMethods = false)
@Import({AnalyticsConfiguration.class, BatchInfrastructure.class, IngestionJobConfiguration.class})
@EnableConfigurationProperties(IngestionProperties.class)
public class IngestionConfiguration {

    @Bean
    IngestionLog ingestionLog(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc) {
        return new IngestionLog(jdbc);
    }

    @Bean
    RejectReport rejectReport(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate jdbc, IngestionLog log) {
        return new RejectReport(jdbc, log);
    }

    @Bean
    IngestionProgress ingestionProgress() {
        return new IngestionProgress();
    }

    @Bean
    IngestionEvents ingestionEvents() {
        return new IngestionEvents();
    }

    @Bean
    IngestionJobListener ingestionJobListener(IngestionLog log, IngestionProgress progress, IngestionEvents events,
                                              DuckDbStore store, ObjectProvider<MeterRegistry> meters, DataVersion version) {
        return new IngestionJobListener(log, progress, events, store, meters.getIfAvailable(SimpleMeterRegistry::new), version);
    }

    @Bean
    Uploads uploads(DuckDbStore store, IngestionProperties properties) {
        return new Uploads(store.dataDir(), properties.maxFileSize().toBytes());
    }

    @Bean(destroyMethod = "close")
    IngestionQueue ingestionQueue(IngestionLog log, IngestionProgress progress, IngestionEvents events, JobOperator jobOperator,
                                  JobRepository jobRepository, Job ingestionJob) {
        return new IngestionQueue(log, progress, events, jobOperator, jobRepository, ingestionJob);
    }

    @Bean(destroyMethod = "close")
    IngestionService ingestionService(DuckDbStore store, IngestionLog log, IngestionProgress progress, IngestionEvents events,
                                      Uploads uploads, IngestionQueue queue, org.pilotage.analytics.audit.AuditLog audit,
                                      RejectReport rejectReport) {
        return new IngestionService(store, log, progress, events, uploads, queue, audit, rejectReport);
    }

    @Bean
    DefaultCatalogue defaultCatalogue(CatalogueRepository catalogue, IngestionService ingestion) {
        return new DefaultCatalogue(catalogue, ingestion);
    }

    /** Runs once every singleton exists and before the web server accepts requests. */
    @Bean
    SmartInitializingSingleton ingestionAtStartup(IngestionService ingestion, DefaultCatalogue catalogue) {
        return () -> {
            ingestion.resumeInterrupted();
            catalogue.loadIfEmpty();
        };
    }

    @Bean
    @Profile("demo")
    DemoData demoData(IngestionService ingestion, DuckDbStore store, AppSettings settings, ReferenceRepository reference,
                      CatalogueRepository indicators, java.time.Clock clock, DefaultCatalogue catalogue,
                      ApplicationEventPublisher events) {
        return new DemoData(ingestion, store, settings, reference, indicators, clock, catalogue, events);
    }

    @Bean
    @Profile("demo")
    SmartInitializingSingleton demoDataAtStartup(DemoData demo) {
        return demo::loadOnce;
    }
}

package org.pilotage.ingestion;

import org.pilotage.analytics.AnalyticsConfiguration;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.demo.DemoData;
import org.pilotage.ingestion.load.DefaultCatalogue;
import org.pilotage.ingestion.load.FileLoader;
import org.pilotage.ingestion.log.IngestionLog;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loading files into the store; the default catalogue (and, in the demo profile, the demo data) before anything serves. */
@Configuration(proxyBeanMethods = false)
@Import(AnalyticsConfiguration.class)
@EnableConfigurationProperties(IngestionProperties.class)
public class IngestionConfiguration {

    @Bean
    IngestionLog ingestionLog(JdbcTemplate jdbc) {
        return new IngestionLog(jdbc);
    }

    @Bean
    FileLoader fileLoader(DuckDbStore store, IngestionLog log, IngestionProperties properties) {
        return new FileLoader(store, log, properties);
    }

    @Bean
    DefaultCatalogue defaultCatalogue(CatalogueRepository catalogue, FileLoader loader, DuckDbStore store) {
        return new DefaultCatalogue(catalogue, loader, store);
    }

    /** Runs once every singleton exists and before the web server accepts requests. */
    @Bean
    SmartInitializingSingleton defaultCatalogueAtStartup(DefaultCatalogue catalogue) {
        return catalogue::loadIfEmpty;
    }

    @Bean
    @Profile("demo")
    DemoData demoData(FileLoader loader, DuckDbStore store, JdbcTemplate jdbc, ReferenceRepository reference,
                      java.time.Clock clock, DefaultCatalogue catalogue) {
        return new DemoData(loader, store, jdbc, reference, clock, catalogue);
    }

    @Bean
    @Profile("demo")
    SmartInitializingSingleton demoDataAtStartup(DemoData demo) {
        return demo::loadOnce;
    }
}

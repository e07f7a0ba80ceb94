package org.pilotage.analytics;

import java.time.Clock;

import javax.sql.DataSource;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.series.SeriesRepository;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.ReadConsistentDataSource;
import org.pilotage.analytics.store.StoreProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The store and the read side of Pilotage: one DuckDB instance, its pool, and the dashboard queries. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class AnalyticsConfiguration {

    @Bean(destroyMethod = "close")
    DuckDbStore duckDbStore(StoreProperties properties) {
        return DuckDbStore.open(properties);
    }

    @Bean
    DataSource dataSource(DuckDbStore store) {
        return store.dataSource();
    }

    /** Every read through this template waits while a publication commits: no half-published file is ever seen. */
    @Bean
    JdbcTemplate jdbcTemplate(DuckDbStore store) {
        return new JdbcTemplate(new ReadConsistentDataSource(store));
    }

    @Bean
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    CatalogueRepository catalogueRepository(JdbcTemplate jdbc) {
        return new CatalogueRepository(jdbc);
    }

    @Bean
    SeriesRepository seriesRepository(NamedParameterJdbcTemplate jdbc) {
        return new SeriesRepository(jdbc);
    }

    @Bean
    ReferenceRepository referenceRepository(JdbcTemplate jdbc) {
        return new ReferenceRepository(jdbc);
    }

    @Bean
    EffectDashboardService effectDashboardService(CatalogueRepository catalogue, SeriesRepository series, Clock clock) {
        return new EffectDashboardService(catalogue, series, clock);
    }
}

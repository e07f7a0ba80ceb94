package org.pilotage.analytics;

import java.time.Clock;

import javax.sql.DataSource;

import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.rooms.RoomDashboardService;
import org.pilotage.analytics.rooms.RoomQueries;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.store.DataVersion;
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
    DataVersion dataVersion() {
        return new DataVersion();
    }

    @Bean
    SteeringRoomRepository steeringRoomRepository(JdbcTemplate jdbc, DataVersion version) {
        return new SteeringRoomRepository(jdbc, version);
    }

    @Bean
    CommitmentRepository commitmentRepository(JdbcTemplate jdbc, DataVersion version) {
        return new CommitmentRepository(jdbc, version);
    }

    @Bean
    CommentRepository commentRepository(NamedParameterJdbcTemplate jdbc, DataVersion version) {
        return new CommentRepository(jdbc, version);
    }

    @Bean
    ActionRepository actionRepository(NamedParameterJdbcTemplate jdbc, Clock clock, DataVersion version) {
        return new ActionRepository(jdbc, clock, version);
    }

    @Bean
    RoomQueries roomQueries(NamedParameterJdbcTemplate jdbc) {
        return new RoomQueries(jdbc);
    }

    @Bean
    RoomDashboardService roomDashboardService(RoomQueries queries, CatalogueRepository catalogue,
                                              CommitmentRepository commitments, CommentRepository comments, DataVersion version) {
        return new RoomDashboardService(queries, catalogue, commitments, comments, version);
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc) {
        return new AuditLog(jdbc);
    }

    @Bean
    SnapshotService snapshotService(RoomDashboardService dashboards, ActionRepository actions, AuditLog audit,
                                    DataVersion version, Clock clock) {
        return new SnapshotService(dashboards, actions, audit, version, clock);
    }

    @Bean
    EffectDashboardService effectDashboardService(CatalogueRepository catalogue, SeriesRepository series, Clock clock) {
        return new EffectDashboardService(catalogue, series, clock);
    }
}

package org.pilotage.analytics;

import java.time.Clock;

import javax.sql.DataSource;

import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.DemoActions;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.audit.AuditService;
import org.pilotage.analytics.cascade.CascadeService;
import org.pilotage.analytics.escalations.DemoEscalations;
import org.pilotage.analytics.escalations.EscalationRepository;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.meetings.DemoMeetings;
import org.pilotage.analytics.meetings.MeetingRepository;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.dashboard.RoomQueries;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.notes.DemoNotes;
import org.pilotage.analytics.notes.NotesService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.rooms.DemoRooms;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.series.SeriesRepository;
import org.pilotage.analytics.series.SeriesService;
import org.pilotage.analytics.snapshot.ExportPolicy;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.store.AppSettings;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.ReadConsistentDataSource;
import org.pilotage.analytics.store.StoreProperties;
import org.pilotage.analytics.users.UserRepository;
import org.pilotage.analytics.users.UserService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store and the features that read and change it: one DuckDB instance and its pool, the repositories
 * (data access, {@code queries/<feature>}) and one application service per feature, which owns its rules,
 * scope checks, writes and audit.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StoreProperties.class, ExportPolicy.class})
public class AnalyticsConfiguration {

    @Bean(destroyMethod = "close")
    DuckDbStore duckDbStore(StoreProperties properties) {
        return DuckDbStore.open(properties);
    }

    /**
     * The store's pool, which the store closes, last (destroyMethod ""): Spring would otherwise close it when this bean
     * goes, which may be before beans that write through the store without asking for this one (the audit log's writer
     * lost the downloads it had queued so).
     */
    @Bean(destroyMethod = "")
    DataSource dataSource(DuckDbStore store) {
        return store.dataSource();
    }

    /** Connections that wait while a publication commits: no half-published file is ever seen through them. */
    @Bean
    ReadConsistentDataSource readConsistentDataSource(DuckDbStore store) {
        return new ReadConsistentDataSource(store);
    }

    @Bean
    JdbcTemplate jdbcTemplate(ReadConsistentDataSource readers) {
        return new JdbcTemplate(readers);
    }

    @Bean
    NamedParameterJdbcTemplate namedParameterJdbcTemplate(JdbcTemplate jdbc) {
        return new NamedParameterJdbcTemplate(jdbc);
    }

    /** Changes of several statements that are not publications (a room and its actions deleted together). */
    @Bean
    TransactionTemplate storeTransactions(ReadConsistentDataSource readers) {
        return new TransactionTemplate(new JdbcTransactionManager(readers));
    }

    /**
     * The service's clock, in the network's time zone whatever the server's: a day (an action's due date, a meeting's
     * date, "late") is a day in Québec, also in the evening, when it is already tomorrow in UTC.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(org.pilotage.analytics.text.NetworkTime.ZONE);
    }

    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    DataVersion dataVersion() {
        return new DataVersion();
    }

    // Data access

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
    SteeringRoomRepository steeringRoomRepository(JdbcTemplate jdbc, TransactionTemplate storeTransactions, DataVersion version) {
        return new SteeringRoomRepository(jdbc, storeTransactions, version);
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
    AuditLog auditLog(NamedParameterJdbcTemplate jdbc, TransactionTemplate storeTransactions) {
        return new AuditLog(jdbc, storeTransactions);
    }

    @Bean
    UserRepository userRepository(NamedParameterJdbcTemplate jdbc) {
        return new UserRepository(jdbc);
    }

    // Read side

    @Bean
    RoomDashboardService roomDashboardService(RoomQueries queries, CatalogueRepository catalogue,
                                              CommitmentRepository commitments, CommentRepository comments, DataVersion version) {
        return new RoomDashboardService(queries, catalogue, commitments, comments, version);
    }

    @Bean
    EffectDashboardService effectDashboardService(CatalogueRepository catalogue, SeriesRepository series, Clock clock) {
        return new EffectDashboardService(catalogue, series, clock);
    }

    // Feature services

    @Bean
    ReferenceService referenceService(ReferenceRepository reference, CatalogueRepository catalogue) {
        return new ReferenceService(reference, catalogue);
    }

    @Bean
    SeriesService seriesService(SeriesRepository series, ReferenceService reference, Clock clock) {
        return new SeriesService(series, reference, clock);
    }

    @Bean
    RoomService roomService(SteeringRoomRepository rooms, ReferenceService reference, AuditLog audit, Clock clock) {
        return new RoomService(rooms, reference, audit, clock);
    }

    @Bean
    ActionService actionService(ActionRepository actions, AuditLog audit) {
        return new ActionService(actions, audit);
    }

    @Bean
    NotesService notesService(CommentRepository comments, CommitmentRepository commitments, AuditLog audit) {
        return new NotesService(comments, commitments, audit);
    }

    @Bean
    SnapshotService snapshotService(RoomDashboardService dashboards, ActionRepository actions, AuditLog audit,
                                    DataVersion version, Clock clock, ExportPolicy exportPolicy, CascadeService cascade,
                                    ObjectProvider<MeetingService> meetings) {
        // the meetings service needs this one (a meeting's board is the room report): asked for when a report is drawn
        return new SnapshotService(dashboards, actions, audit, version, clock, exportPolicy, cascade::summary,
                room -> meetings.getObject().ritual(room));
    }

    @Bean
    EscalationRepository escalationRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate storeTransactions,
                                              DataVersion version) {
        return new EscalationRepository(jdbc, storeTransactions, version);
    }

    @Bean
    EscalationService escalationService(EscalationRepository escalations, RoomService rooms, ActionService actions,
                                        RoomDashboardService dashboards, AuditLog audit, TransactionTemplate storeTransactions,
                                        Clock clock) {
        return new EscalationService(escalations, rooms, actions, dashboards, audit, storeTransactions, clock);
    }

    @Bean
    MeetingRepository meetingRepository(NamedParameterJdbcTemplate jdbc) {
        return new MeetingRepository(jdbc);
    }

    @Bean
    MeetingService meetingService(MeetingRepository meetings, RoomService rooms, RoomDashboardService dashboards, ActionService actions,
                                  EscalationService escalations, SnapshotService snapshots, AuditLog audit,
                                  TransactionTemplate storeTransactions, Clock clock, DataVersion version) {
        return new MeetingService(meetings, rooms, dashboards, actions, escalations, snapshots, audit, storeTransactions, clock, version);
    }

    @Bean
    CascadeService cascadeService(RoomService rooms, RoomQueries queries, ActionService actions, CatalogueRepository catalogue,
                                  CommitmentRepository commitments, EscalationService escalations, DataVersion version,
                                  Clock clock) {
        return new CascadeService(rooms, queries, actions, catalogue, commitments, escalations, version, clock);
    }

    @Bean
    UserService userService(UserRepository users, PasswordEncoder encoder, AuditLog audit) {
        return new UserService(users, encoder, audit);
    }

    @Bean
    AuditService auditService(AuditLog audit) {
        return new AuditService(audit);
    }

    @Bean
    @Profile("demo")
    DemoRooms demoRooms(RoomService rooms, AppSettings settings, Clock clock, ApplicationEventPublisher events) {
        return new DemoRooms(rooms, settings, clock, events);
    }

    @Bean
    @Profile("demo")
    DemoActions demoActions(ActionService actions, Clock clock) {
        return new DemoActions(actions, clock);
    }

    @Bean
    @Profile("demo")
    DemoNotes demoNotes(NotesService notes) {
        return new DemoNotes(notes);
    }

    @Bean
    @Profile("demo")
    DemoEscalations demoEscalations(EscalationService service, EscalationRepository escalations, ActionService actions,
                                    RoomDashboardService dashboards) {
        return new DemoEscalations(service, escalations, actions, dashboards);
    }

    @Bean
    @Profile("demo")
    DemoMeetings demoMeetings(MeetingService meetings, MeetingRepository repository, RoomService rooms, RoomDashboardService dashboards,
                              ActionService actions, EscalationService escalations, SnapshotService snapshots, AuditLog audit,
                              TransactionTemplate storeTransactions, Clock clock, DataVersion version) {
        return new DemoMeetings(meetings, day -> new MeetingService(repository, rooms, dashboards, actions, escalations, snapshots, audit,
                storeTransactions, day, version), clock);
    }

    @Bean
    AppSettings appSettings(NamedParameterJdbcTemplate jdbc) {
        return new AppSettings(jdbc);
    }
}

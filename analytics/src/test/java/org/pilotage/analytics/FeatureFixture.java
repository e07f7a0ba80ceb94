package org.pilotage.analytics;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The analytics features as the service wires them, on a DuckDB file of a test's own, with two
 * establishments (E1: directions D1 and D2; E2: D9) and two indicators (C1, a count; R1, a ratio).
 */
public final class FeatureFixture implements AutoCloseable {

    public final ConfigurableApplicationContext context;
    public final JdbcTemplate jdbc;

    public FeatureFixture(Path dir) {
        context = new SpringApplicationBuilder(AnalyticsConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--pilotage.data-dir=" + dir.resolve("data"));
        jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("""
                INSERT INTO establishment (code, name) VALUES ('E1', 'Établissement fictif 1'), ('E2', 'Établissement fictif 2');
                INSERT INTO direction (establishment, code, name) VALUES ('E1', 'D1', 'D1'), ('E1', 'D2', 'D2'), ('E2', 'D9', 'D9');
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C1', 'organisational', 'Projets qui intègrent les usagers', 'Projects that integrate users', 'count', 'up', 5),
                  ('R1', 'clientele', 'Délai de réponse (jours)', 'Response time (days)', 'ratio', 'down', 14);
                """);
    }

    /** The service started again on a data dir (after a stop or a kill), without adding anything. */
    public static ConfigurableApplicationContext reopen(Path dir) {
        return new SpringApplicationBuilder(AnalyticsConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run("--pilotage.data-dir=" + dir.resolve("data"));
    }

    /** A room of E1 created by an admin, following some indicators and no project category. */
    public SteeringRoom room(String name, String... indicators) {
        RoomService rooms = bean(RoomService.class);
        return rooms.find(admin(), rooms.create(admin(), new RoomDraft(name, RoomLevel.TACTICAL, "E1", List.of(),
                List.of(indicators), List.of()))).orElseThrow();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public static Caller caller(String name, Role role, String... establishments) {
        return new Caller(name, EnumSet.of(role), Set.of(establishments), "192.0.2.7");
    }

    public static Caller admin() {
        return new Caller("admin", EnumSet.allOf(Role.class), Set.of(), "192.0.2.1");
    }

    /** The audit events, newest first, as "user action target". */
    public List<String> audit() {
        return bean(AuditLog.class).recent(100).stream().map(e -> e.username() + " " + e.action() + " " + e.target()).toList();
    }

    @Override
    public void close() {
        context.close();
    }
}

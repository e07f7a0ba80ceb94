package org.pilotage.ingestion.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.rooms.ProjectCategory;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.status.CommitmentRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo profile's steering rooms, one per level, with a few priority actions (one of them late),
 * comments and a commitment level changed during the year. Created once, like the demo data.
 */
public class DemoRooms {

    static final String MARKER = "demo-rooms-created";

    private final SteeringRoomRepository rooms;
    private final ActionRepository actions;
    private final CommentRepository comments;
    private final CommitmentRepository commitments;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DemoRooms(SteeringRoomRepository rooms, ActionRepository actions, CommentRepository comments,
                     CommitmentRepository commitments, JdbcTemplate jdbc, Clock clock) {
        this.rooms = rooms;
        this.actions = actions;
        this.comments = comments;
        this.commitments = commitments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void createOnce() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM app_setting WHERE key = ?", Integer.class, MARKER);
        if (n != null && n > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        YearMonth lastMonth = YearMonth.now(clock).minusMonths(1);

        long strategic = rooms.create(new RoomDraft("Salle stratégique — CISSS fictif du Nord", RoomLevel.STRATEGIC,
                "CISSS-DEMO-NORD", List.of(),
                List.of("ORG-PROJ-USAGERS", "ORG-DIRECTIONS-PRATIQUE", "INT-COMPETENCES", "INT-SATISFACTION", "CLI-FAMILLES",
                        "CLI-DELAI-REPONSE"),
                List.of(ProjectCategory.values())), "demo");
        long tactical = rooms.create(new RoomDraft("Salle tactique — DQEPE et DSM du Sud", RoomLevel.TACTICAL,
                "CIUSSS-DEMO-SUD", List.of("DQEPE", "DSM"),
                List.of("ORG-PROJ-USAGERS", "ORG-PROJ-VALEURS", "ORG-CAPTATION", "INT-OBJECTIFS", "INT-STRATEGIES",
                        "INT-COMPETENCES", "CLI-COMPETENCES", "CLI-DEMANDES", "CLI-FAMILLES"),
                List.of(ProjectCategory.INTEGRATING_USERS, ProjectCategory.VALUES_PREFERENCES, ProjectCategory.EXPERIENCE_CAPTURE)), "demo");
        long operational = rooms.create(new RoomDraft("Salle opérationnelle — DSI de l'Est", RoomLevel.OPERATIONAL,
                "CISSS-DEMO-EST", List.of("DSI"),
                List.of("INT-SATISFACTION", "INT-COMPETENCES", "CLI-DEMANDES", "CLI-DELAI-REPONSE"),
                List.of(ProjectCategory.CARE_PARTNER, ProjectCategory.IMPROVEMENT_COLLABORATOR)), "demo");

        actions.add(strategic, new ActionDraft("Présenter le bilan du partenariat au comité de direction", "Direction générale adjointe",
                today.plusWeeks(3), ActionStatus.IN_PROGRESS, "ORG-DIRECTIONS-PRATIQUE"), "demo");
        actions.add(strategic, new ActionDraft("Recruter deux patients partenaires pour le comité qualité", "DQEPE",
                today.minusDays(10), ActionStatus.TODO, "CLI-FAMILLES"), "demo");
        actions.add(strategic, new ActionDraft("Adopter le cadre de référence du partenariat", "Conseil d'administration",
                today.minusMonths(2), ActionStatus.DONE, null), "demo");
        actions.add(tactical, new ActionDraft("Former les intervenants de la DSM à l'approche de proximité", "Chef de service DSM",
                today.plusMonths(1), ActionStatus.TODO, "INT-COMPETENCES"), "demo");
        actions.add(tactical, new ActionDraft("Sonder les usagers sur leurs valeurs et préférences", "Équipe qualité DQEPE",
                today.minusDays(3), ActionStatus.IN_PROGRESS, "ORG-PROJ-VALEURS"), "demo");
        actions.add(operational, new ActionDraft("Réduire le délai de réponse aux demandes des usagers", "Coordination DSI",
                today.plusWeeks(6), ActionStatus.IN_PROGRESS, "CLI-DELAI-REPONSE"), "demo");

        comments.add("CLI-FAMILLES", "CISSS-DEMO-NORD", lastMonth.minusMonths(2), "Journée du partenariat", "demo");
        comments.add("INT-COMPETENCES", "CIUSSS-DEMO-SUD", lastMonth.minusMonths(4), "Nouvelle cohorte de formation", "demo");
        comments.add("CLI-DELAI-REPONSE", "CISSS-DEMO-EST", lastMonth.minusMonths(1), "Réorganisation de l'accueil", "demo");
        commitments.set("CLI-DELAI-REPONSE", lastMonth.minusMonths(5), 15, "demo");

        jdbc.update("INSERT INTO app_setting (key, value) VALUES (?, ?)", MARKER, today.toString());
    }
}

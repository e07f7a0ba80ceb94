package org.pilotage.analytics.escalations;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.demo.DemoContent;
import org.pilotage.analytics.rooms.DemoRoomsCreated;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/**
 * The demo cascade's escalations, one in each status, sent and moved on by the demo manager through the
 * escalations service: an indicator escalation takes one of the room's indicators that is red or amber for
 * the demo's last month (the data decides which). One was sent as if days ago, so that it stands out past
 * its answer date.
 */
public class DemoEscalations {

    private static final Logger log = LoggerFactory.getLogger(DemoEscalations.class);

    private final EscalationService service;
    private final EscalationRepository escalations;
    private final ActionService actions;
    private final RoomDashboardService dashboards;

    public DemoEscalations(EscalationService service, EscalationRepository escalations, ActionService actions,
                           RoomDashboardService dashboards) {
        this.service = service;
        this.escalations = escalations;
        this.actions = actions;
        this.dashboards = dashboards;
    }

    @EventListener
    @Order(3)
    public void on(DemoRoomsCreated created) {
        Caller manager = new Caller("manager", EnumSet.of(Role.MANAGER), Set.of(), null);
        Set<String> used = new HashSet<>();
        for (JsonNode e : DemoContent.section("escalations")) {
            SteeringRoom room = created.rooms().get(e.get("room").asString());
            LocalDate answerBy = service.today().plusDays(e.get("answerInDays").asLong());
            Optional<EscalationDraft> draft = "indicator".equals(e.get("subject").asString())
                    ? redOrAmber(room, created, used).map(t -> EscalationDraft.indicator(t.indicator().code(), created.lastMonth(),
                            e.get("reason").asString(), DemoContent.text(e, "ask"), null))
                    : action(room, e.get("action").asString()).map(a -> EscalationDraft.action(a.id(), e.get("reason").asString(),
                            DemoContent.text(e, "ask"), null));
            if (draft.isEmpty()) {
                log.info("Demo escalation of room {} left out: nothing of the kind to escalate in the generated data", room.name());
                continue;
            }
            long id;
            if (answerBy.isBefore(service.today())) {
                // sent days ago, as the demo tells it: written as it would have been then
                id = escalations.insert(room.id(), room.parentId(), draft.get(), answerBy, EscalationStatus.OPEN,
                        figures(room, created, draft.get()), null, manager.username());
            } else {
                id = service.escalate(manager, room, withAnswerBy(draft.get(), answerBy)).id();
            }
            for (JsonNode step : e.get("steps")) {
                service.move(manager, id, new Transition(EscalationStatus.valueOf(step.get("to").asString()),
                        DemoContent.text(step, "text"), null, null, DemoContent.text(step, "owner"), null));
            }
        }
    }

    private static EscalationDraft withAnswerBy(EscalationDraft d, LocalDate answerBy) {
        return new EscalationDraft(d.indicator(), d.period(), d.actionId(), d.reason(), d.ask(), answerBy, d.toRoomId());
    }

    /** A red or amber indicator of the room for the demo's last month, not escalated yet by the demo. */
    private Optional<IndicatorTile> redOrAmber(SteeringRoom room, DemoRoomsCreated created, Set<String> used) {
        return dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(created.lastMonth()))).allTiles().stream()
                .filter(t -> t.status() == Status.BELOW_COMMITMENT || t.status() == Status.COMMITMENT_MET)
                .filter(t -> used.add(room.id() + t.indicator().code()))
                .findFirst();
    }

    private Escalation.Figures figures(SteeringRoom room, DemoRoomsCreated created, EscalationDraft draft) {
        if (draft.indicator() == null) {
            return null;
        }
        return dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(created.lastMonth()))).allTiles().stream()
                .filter(t -> t.indicator().code().equals(draft.indicator())).findFirst()
                .map(t -> new Escalation.Figures(t.value(), t.target(), t.status().code())).orElse(null);
    }

    private Optional<PriorityAction> action(SteeringRoom room, String title) {
        return actions.forRoom(room).stream().filter(a -> a.title().equals(title) && a.status() != ActionStatus.DONE).findFirst();
    }
}

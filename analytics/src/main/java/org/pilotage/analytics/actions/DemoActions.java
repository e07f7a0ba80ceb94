package org.pilotage.analytics.actions;

import java.time.Clock;
import java.time.LocalDate;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.demo.DemoContent;
import org.pilotage.analytics.rooms.DemoRoomsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/** The demo rooms' priority actions (one of them late), due relative to today, added through the actions service. */
public class DemoActions {

    private final ActionService actions;
    private final Clock clock;

    public DemoActions(ActionService actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @EventListener
    @Order(1)
    public void on(DemoRoomsCreated created) {
        LocalDate today = LocalDate.now(clock);
        for (JsonNode a : DemoContent.section("actions")) {
            actions.add(Caller.system(), created.rooms().get(a.get("room").asString()), new ActionDraft(a.get("title").asString(),
                    a.get("owner").asString(), today.plusDays(a.get("dueInDays").asLong()),
                    ActionStatus.parse(a.get("status").asString()).orElseThrow(), DemoContent.text(a, "indicator")));
        }
    }
}

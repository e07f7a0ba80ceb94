package org.pilotage.analytics.notes;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.demo.DemoContent;
import org.pilotage.analytics.rooms.DemoRoomsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/** The demo rooms' comments and a commitment level changed during the year, months before the demo data's last. */
public class DemoNotes {

    private final NotesService notes;

    public DemoNotes(NotesService notes) {
        this.notes = notes;
    }

    @EventListener
    @Order(2)
    public void on(DemoRoomsCreated created) {
        for (JsonNode c : DemoContent.section("comments")) {
            notes.comment(Caller.system(), created.rooms().get(c.get("room").asString()), c.get("indicator").asString(),
                    created.lastMonth().minusMonths(c.get("monthsAgo").asLong()), c.get("text").asString());
        }
        for (JsonNode c : DemoContent.section("commitments")) {
            notes.setCommitment(Caller.system(), c.get("indicator").asString(),
                    created.lastMonth().minusMonths(c.get("monthsAgo").asLong()), c.get("gap").asDouble());
        }
    }
}

package org.pilotage.analytics.rooms;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.demo.DemoContent;
import org.pilotage.analytics.demo.DemoDataLoaded;
import org.pilotage.analytics.store.AppSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;

/**
 * The demo profile's steering rooms, created once over the demo data through the rooms service, as the
 * demo file describes them (a cascade among them: a parent is listed before its children); then
 * {@link DemoRoomsCreated} lets actions, comments and escalations seed theirs.
 */
public class DemoRooms {

    static final String MARKER = "demo-rooms-created";

    private final RoomService rooms;
    private final AppSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public DemoRooms(RoomService rooms, AppSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.rooms = rooms;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    public void on(DemoDataLoaded loaded) {
        if (settings.get(MARKER).isPresent()) {
            return;
        }
        Caller demo = Caller.system();
        Map<String, SteeringRoom> byKey = new HashMap<>();
        for (JsonNode r : DemoContent.section("rooms")) {
            String parent = DemoContent.text(r, "parent");
            RoomDraft draft = new RoomDraft(r.get("name").asString(), RoomLevel.ofCode(r.get("level").asString()),
                    r.get("establishment").asString(), DemoContent.strings(r.get("directions")), DemoContent.strings(r.get("indicators")),
                    DemoContent.strings(r.get("categories")).stream().map(c -> ProjectCategory.parse(c).orElseThrow()).toList(),
                    parent == null ? null : byKey.get(parent).id());
            long id = rooms.create(demo, draft);
            byKey.put(r.get("key").asString(), rooms.find(demo, id).orElseThrow());
        }
        events.publishEvent(new DemoRoomsCreated(loaded.lastMonth(), byKey));
        settings.put(MARKER, LocalDate.now(clock).toString());
    }
}

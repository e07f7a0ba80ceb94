package org.pilotage.analytics.meetings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.demo.DemoContent;
import org.pilotage.analytics.rooms.DemoRoomsCreated;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/**
 * The demo rooms' meetings: a cadence by the room's level, fictional members, and the room's last meetings before the
 * demo starts, held and archived through the meetings service as on their day (a service on a clock of that day), so
 * that the history, the archive and its check show at first start.
 */
public class DemoMeetings {

    private static final Logger log = LoggerFactory.getLogger(DemoMeetings.class);
    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;
    private static final LocalTime AT = LocalTime.of(9, 0);

    private final MeetingService service;
    /** The meetings service on the clock of a past day. */
    private final Function<Clock, MeetingService> onDay;
    private final Clock clock;

    public DemoMeetings(MeetingService service, Function<Clock, MeetingService> onDay, Clock clock) {
        this.service = service;
        this.onDay = onDay;
        this.clock = clock;
    }

    @EventListener
    @Order(4)
    public void on(DemoRoomsCreated created) {
        Caller manager = new Caller("manager", EnumSet.of(Role.MANAGER), Set.of(), null);
        JsonNode plan = DemoContent.section("meetings");
        int past = plan.get("past").asInt();
        LocalDate today = LocalDate.now(clock);
        int held = 0;
        // in the rooms' order, so that a fresh demo gives the same ids every time (the README's examples use them)
        for (SteeringRoom room : created.rooms().values().stream().sorted(java.util.Comparator.comparingLong(SteeringRoom::id)).toList()) {
            JsonNode cadence = plan.get("cadence").get(room.level().code());
            Cadence.Frequency frequency = Cadence.Frequency.valueOf(cadence.get("frequency").asString());
            List<LocalDate> days = new ArrayList<>();
            for (int k = past; k >= 1; k--) {
                days.add(switch (frequency) {
                    case WEEKLY -> today.minusWeeks(k);
                    case BIWEEKLY -> today.minusWeeks(2L * k);
                    case MONTHLY -> today.minusMonths(k);
                });
            }
            service.setCadence(manager, room.id(), new Cadence(frequency, days.getFirst(), AT, cadence.get("minutes").asInt()));
            List<Long> members = new ArrayList<>();
            for (JsonNode m : plan.get("members")) {
                members.add(service.addMember(manager, room.id(), m.get(0).asString(), m.get(1).asString()));
            }
            for (int k = 0; k < days.size(); k++) {
                var start = days.get(k).atTime(AT).atZone(ZONE).toInstant();
                MeetingService then = onDay.apply(Clock.fixed(start, ZONE));
                Meeting.Record r = then.start(manager, room.id());
                long id = r.meeting().id();
                JsonNode attendance = plan.get("attendance").get(k % plan.get("attendance").size());
                for (int i = 0; i < members.size(); i++) {
                    then.attendance(manager, id, members.get(i), Presence.valueOf(attendance.get(i % attendance.size()).asString()));
                }
                List<String> names = names(plan);
                then.roles(manager, id, new Meeting.Roles(names.get(0), names.get(1 % names.size()), names.get(2 % names.size())));
                if (!r.agenda().isEmpty()) {
                    JsonNode decisions = plan.get("decisions");
                    then.decide(manager, id, r.agenda().getFirst().id(), decisions.get(k % decisions.size()).asString(), null, null, null);
                }
                onDay.apply(Clock.fixed(start.plusSeconds(60L * cadence.get("minutes").asInt()), ZONE)).close(manager, id);
                held++;
            }
        }
        log.info("Demo meetings: {} held and archived in {} rooms", held, created.rooms().size());
    }

    private static List<String> names(JsonNode plan) {
        List<String> out = new ArrayList<>();
        plan.get("members").forEach(m -> out.add(m.get(0).asString()));
        return out;
    }
}

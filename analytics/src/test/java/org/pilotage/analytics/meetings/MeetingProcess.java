package org.pilotage.analytics.meetings;

import java.nio.file.Path;

import org.pilotage.analytics.CascadeFixture;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;

/**
 * The meetings of a room in a process of its own, for the crash test. {@code meeting <dir>}: a fresh store with the
 * cascade fixture, one meeting started with a member present and a decision, then "RECORDED" and it waits to be killed.
 * {@code closing <dir>}: a fresh store, then meetings started and closed one after the other, each close announced
 * ("CLOSING n") until it is killed.
 */
public final class MeetingProcess {

    private MeetingProcess() {
    }

    public static void main(String[] args) throws Exception {
        Caller manager = FeatureFixture.caller("gest", Role.MANAGER, "E1");
        CascadeFixture cx = new CascadeFixture(Path.of(args[1]));
        MeetingService meetings = cx.bean(MeetingService.class);
        long room = cx.operational.id();
        long member = meetings.addMember(manager, room, "Lina Fictive", null);
        if (args[0].equals("meeting")) {
            Meeting.Record r = meetings.start(manager, room);
            meetings.attendance(manager, r.meeting().id(), member, Presence.PRESENT);
            meetings.decide(manager, r.meeting().id(), r.agenda().getFirst().id(), "Revoir la cible", null, null, null);
            System.out.println("RECORDED " + r.meeting().id());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        for (int n = 1; ; n++) {
            long id = meetings.start(manager, room).meeting().id();
            meetings.decide(manager, id, meetings.record(manager, id).agenda().getFirst().id(), "Décision " + n, null, null, null);
            System.out.println("CLOSING " + n);
            System.out.flush();
            meetings.close(manager, id);
        }
    }
}

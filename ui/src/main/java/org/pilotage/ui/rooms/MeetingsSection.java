package org.pilotage.ui.rooms;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.meetings.Meeting;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;

/** The room's meetings on its page: the next one by its cadence, starting or joining the open one, and the history. */
class MeetingsSection extends Section {

    private static String percent(Double share) {
        return share == null ? "—" : Math.round(share * 100) + " %";
    }

    MeetingsSection(MeetingService meetings, Caller caller, SteeringRoom room) {
        setId("section-meetings");
        addClassName("effect-section");
        Formats f = new Formats(getLocale());
        add(new H2(getTranslation("meetings.section")));
        Paragraph next = new Paragraph(meetings.nextMeeting(room).map(at -> getTranslation("meetings.next",
                f.day(at.toLocalDate()), at.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm")))).orElse(getTranslation("meetings.no-cadence")));
        next.setId("meetings-next");
        add(next);
        RitualFigures rite = meetings.ritual(caller, room.id());
        Paragraph ritual = new Paragraph(getTranslation("meetings.ritual", rite.held(), rite.expected() == null ? "—" : rite.expected(),
                percent(rite.attendance()), percent(rite.actionsOnTime()),
                rite.medianAnswerDays() == null ? "—" : f.number(Math.round(rite.medianAnswerDays() * 10) / 10.0)));
        ritual.setId("meetings-ritual");
        ritual.addClassName("meetings-ritual");
        add(ritual);
        Optional<Long> open = meetings.openMeeting(caller, room.id());
        if (open.isPresent()) {
            RouterLink join = new RouterLink(getTranslation("meetings.join"), MeetingView.class,
                    new RouteParameters("id", String.valueOf(open.get())));
            join.setId("meetings-join");
            add(join);
        } else if (MeetingService.mayRun(caller)) {
            Button start = new Button(getTranslation("meetings.start"), e -> {
                try {
                    long id = meetings.start(caller, room.id()).meeting().id();
                    UI.getCurrent().navigate(MeetingView.class, new RouteParameters("id", String.valueOf(id)));
                } catch (Refusal r) {
                    Notification.show(r.sentence().in(getLocale()), 6000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            start.setId("meetings-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(start);
        }
        List<Meeting.Summary> history = meetings.history(caller, room.id());
        UnorderedList list = new UnorderedList();
        list.setId("meetings-history");
        for (Meeting.Summary s : history.stream().limit(12).toList()) {
            RouterLink link = new RouterLink(getTranslation(s.status() == Meeting.Status.OPEN ? "meetings.line-open" : "meetings.line",
                    f.dateTime(s.startedAt()), s.present(), s.members(), s.decisions()), MeetingView.class,
                    new RouteParameters("id", String.valueOf(s.id())));
            list.add(new ListItem(link));
        }
        if (!history.isEmpty()) {
            add(list);
        }
    }
}

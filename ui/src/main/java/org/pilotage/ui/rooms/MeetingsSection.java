package org.pilotage.ui.rooms;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
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
import org.pilotage.analytics.meetings.Cadence;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.meetings.Member;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;

/** The room's meetings on its page: the next one by its cadence, starting or joining the open one, and the history. */
class MeetingsSection extends Section {

    /** The room's cadence and members, for whoever runs its meetings. */
    private Details settings(MeetingService meetings, Caller caller, SteeringRoom room) {
        Optional<Cadence> current = meetings.cadence(caller, room.id());
        Select<Cadence.Frequency> frequency = new Select<>();
        frequency.setId("cadence-frequency");
        frequency.setLabel(getTranslation("meetings.cadence.frequency"));
        frequency.setItems(Cadence.Frequency.values());
        frequency.setItemLabelGenerator(f -> getTranslation("meetings.cadence." + f.name().toLowerCase(java.util.Locale.ROOT)));
        DatePicker first = new DatePicker(getTranslation("meetings.cadence.first"));
        first.setId("cadence-first");
        TimePicker time = new TimePicker(getTranslation("meetings.cadence.time"));
        time.setId("cadence-time");
        IntegerField minutes = new IntegerField(getTranslation("meetings.cadence.minutes"));
        minutes.setId("cadence-minutes");
        minutes.setMin(5);
        minutes.setMax(240);
        current.ifPresent(c -> {
            frequency.setValue(c.frequency());
            first.setValue(c.firstDate());
            time.setValue(c.startTime());
            minutes.setValue(c.minutes());
        });
        Button save = new Button(getTranslation("meetings.cadence.save"), e -> act(() -> meetings.setCadence(caller, room.id(),
                new Cadence(frequency.getValue(), first.getValue(), time.getValue(), minutes.getValue() == null ? 0 : minutes.getValue()))));
        save.setId("cadence-save");
        HorizontalLayout cadence = new HorizontalLayout(frequency, first, time, minutes, save);
        cadence.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);

        UnorderedList members = new UnorderedList();
        members.setId("meetings-members");
        for (Member m : meetings.members(caller, room.id())) {
            Button remove = new Button("✕", e -> act(() -> meetings.removeMember(caller, room.id(), m.id())));
            remove.getElement().setAttribute("aria-label", getTranslation("meetings.members.remove", m.name()));
            members.add(new ListItem(new Span(m.name() + (m.role() == null ? "" : " — " + m.role())), remove));
        }
        TextField name = new TextField(getTranslation("meetings.members.name"));
        name.setId("member-name");
        TextField role = new TextField(getTranslation("meetings.members.role"));
        role.setId("member-role");
        Button add = new Button(getTranslation("meetings.members.add"), e -> act(() -> meetings.addMember(caller, room.id(), name.getValue(),
                role.getValue())));
        add.setId("member-add");
        HorizontalLayout newMember = new HorizontalLayout(name, role, add);
        newMember.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        Div content = new Div(cadence, new H3(getTranslation("meetings.members")), members, newMember);
        Details details = new Details(getTranslation("meetings.settings"), content);
        details.setId("meetings-settings");
        return details;
    }

    /** A change of the settings: the room page shows it again, or the refusal's sentence. */
    private void act(Runnable change) {
        try {
            change.run();
            UI.getCurrent().getPage().reload();
        } catch (Refusal r) {
            Notification.show(r.sentence().in(getLocale()), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

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
        if (MeetingService.mayRun(caller)) {
            add(settings(meetings, caller, room));
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

package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.meetings.Meeting;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.meetings.Presence;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;
import org.pilotage.ui.security.CurrentCaller;

/**
 * A steering-room meeting. Open: the facilitator's page, one item at a time, large, with its countdown and the
 * meeting's, the agenda (reorder, drop, add), attendance and roles of the day, the secretary's decisions (which may
 * create a priority action), and closing; every browser and wall screen of the room follows through server push.
 * Closed: what was decided, with its minutes and the board as it was beside today's values.
 */
@Route("meetings/:id")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class MeetingView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MeetingService meetings;
    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final SnapshotService snapshots;
    private final ActionService actions;
    private final Caller caller;
    private final Div body = new Div();
    private final Span clock = new Span();
    private long meetingId = -1;
    private SteeringRoom room;
    private Meeting.Record record;
    private Runnable subscription;
    private com.vaadin.flow.shared.Registration poll;

    public MeetingView(MeetingService meetings, RoomService rooms, RoomDashboardService dashboards, SnapshotService snapshots,
                       ActionService actions, CurrentCaller caller) {
        this.actions = actions;
        this.meetings = meetings;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.snapshots = snapshots;
        this.caller = caller.get();
        addClassName("meeting-page");
        setWidthFull();
        clock.setId("meeting-clock");
        clock.addClassName("meeting-clock");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        meetingId = event.getRouteParameters().get("id").map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
        redraw();
        getUI().ifPresent(this::watch);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        watch(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unwatch(detachEvent.getUI());
    }

    private void watch(UI ui) {
        unwatch(ui);
        long watched = meetingId;
        subscription = meetings.onChange(id -> {
            if (id == watched) {
                ui.access(this::redraw);
            }
        });
        ui.setPollInterval(1000);
        poll = ui.addPollListener(e -> tick());
    }

    private void unwatch(UI ui) {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        ui.setPollInterval(-1);
    }

    private void redraw() {
        removeAll();
        body.removeAll();
        try {
            record = meetings.record(caller, meetingId);
            room = rooms.find(caller, record.meeting().roomId()).orElseThrow();
        } catch (Refusal | java.util.NoSuchElementException e) {
            record = null;
            add(new H1(getTranslation("meeting.not-found")), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        Formats f = new Formats(getLocale());
        Meeting m = record.meeting();
        H1 title = new H1(getTranslation("meeting.title", room.name()));
        RouterLink back = new RouterLink(getTranslation("meeting.back-to-room"), RoomView.class,
                new RouteParameters("id", String.valueOf(room.id())));
        Span state = new Span(getTranslation(m.open() ? "meeting.state.open" : "meeting.state.closed", f.dateTime(m.startedAt()),
                m.closedAt() == null ? "" : f.dateTime(m.closedAt())));
        state.setId("meeting-state");
        add(new HorizontalLayout(title, back), state);
        body.addClassName("meeting-body");
        add(body);
        if (m.open()) {
            openMeeting(f);
        } else {
            closedMeeting(f);
        }
        tick();
    }

    // An open meeting

    private void openMeeting(Formats f) {
        boolean run = MeetingService.mayRun(caller);
        List<Meeting.Item> agenda = record.agenda();
        Meeting.Clock c = meetings.clock(record);
        Div stage = new Div();
        stage.addClassName("meeting-stage");
        if (agenda.isEmpty()) {
            stage.add(new H2(getTranslation("meeting.agenda-empty")));
        } else {
            Meeting.Item item = agenda.get(c.position());
            stage.add(current(item, c.position(), agenda.size(), getLocale()));
            if (run) {
                Button previous = new Button(getTranslation("meeting.previous"), e -> act(() -> meetings.moveTo(caller, meetingId,
                        c.position() - 1)));
                previous.setId("meeting-previous");
                previous.setEnabled(c.position() > 0);
                Button next = new Button(getTranslation("meeting.next"), e -> act(() -> meetings.moveTo(caller, meetingId, c.position() + 1)));
                next.setId("meeting-next");
                next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                next.setEnabled(c.position() < agenda.size() - 1);
                stage.add(new HorizontalLayout(previous, next));
                stage.add(decisionForm(item));
            }
            stage.add(decisions(item));
        }
        body.add(clock, stage, agenda(agenda, c.position(), run), attendance(run));
        if (run) {
            Button close = new Button(getTranslation("meeting.close"), e -> act(() -> meetings.close(caller, meetingId)));
            close.setId("meeting-close");
            close.addThemeVariants(ButtonVariant.LUMO_ERROR);
            body.add(close);
        }
    }

    /** The item on screen: what it is, large, with its tile when it is an indicator. Also drawn by the wall screen. */
    Div current(Meeting.Item item, int position, int count, Locale locale) {
        Div d = new Div();
        d.addClassName("meeting-current");
        Span which = new Span(getTranslation("meeting.item-of", position + 1, count) + " · "
                + getTranslation("meeting.kind." + item.kind().name().toLowerCase(Locale.ROOT)));
        which.addClassName("meeting-current-kind");
        H2 title = new H2(item.title());
        title.setId("meeting-current");
        d.add(which, title);
        if (item.detail() != null) {
            Paragraph detail = new Paragraph(item.detail());
            detail.addClassName("meeting-current-detail");
            d.add(detail);
        }
        if (item.kind() == Meeting.ItemKind.INDICATOR) {
            RoomFilters filters = new RoomFilters(ReportingPeriod.month(record.meeting().period()));
            dashboards.dashboard(room, filters).allTiles().stream()
                    .filter(t -> t.indicator().code().equals(item.ref())).findFirst()
                    .ifPresent((IndicatorTile t) -> {
                        d.add(new TileCard(t, locale, null));
                        // its history per direction over the room's months, with its comments
                        byte[] svg = dashboards.memberChartSvg(room, item.ref(), false, filters, locale);
                        com.vaadin.flow.component.html.Image chart = new com.vaadin.flow.component.html.Image(DownloadHandler.fromInputStream(
                                e -> new DownloadResponse(new ByteArrayInputStream(svg), "indicateur-" + item.ref() + ".svg", "image/svg+xml",
                                        svg.length)).inline(), item.title());
                        chart.setId("meeting-current-chart");
                        chart.addClassName("meeting-chart");
                        d.add(chart);
                    });
        }
        return d;
    }

    private void tick() {
        if (record == null) {
            return;
        }
        showClock(clock, meetings.clock(record));
    }

    /** The time left of the item on screen and of the meeting, in a span; past the item's box it says so by its colour. */
    static void showClock(Span target, Meeting.Clock c) {
        target.setText(target.getTranslation("meeting.clock", minutes(c.itemSecondsLeft()), minutes(c.meetingSecondsLeft())));
        target.setClassName("meeting-overtime", c.itemSecondsLeft() < 0);
    }

    static String minutes(long seconds) {
        long s = Math.abs(seconds);
        return (seconds < 0 ? "−" : "") + s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
    }

    private Div decisionForm(Meeting.Item item) {
        TextArea text = new TextArea(getTranslation("meeting.decision"));
        text.setId("decision-text");
        text.setWidthFull();
        text.setMaxLength(2000);
        Checkbox withAction = new Checkbox(getTranslation("meeting.decision.create-action"));
        withAction.setId("decision-action");
        TextField actionTitle = new TextField(getTranslation("actions.col.title"));
        actionTitle.setId("decision-action-title");
        TextField owner = new TextField(getTranslation("actions.col.owner"));
        owner.setId("decision-action-owner");
        DatePicker due = new DatePicker(getTranslation("actions.col.due"), LocalDate.now().plusDays(14));
        due.setId("decision-action-due");
        HorizontalLayout action = new HorizontalLayout(actionTitle, owner, due);
        action.setVisible(false);
        withAction.addValueChangeListener(e -> action.setVisible(e.getValue()));
        // an indicator or an action of the room may go up to the parent room, the decision being the reason
        boolean mayEscalate = room.parentId() != null
                && (item.kind() == Meeting.ItemKind.INDICATOR || item.kind() == Meeting.ItemKind.ACTION);
        // an action of the room on the agenda: the decision may change its status and due date
        PriorityAction existing = item.kind() == Meeting.ItemKind.ACTION ? actions.forRoom(room).stream()
                .filter(a -> Long.toString(a.id()).equals(item.ref())).findFirst().orElse(null) : null;
        Checkbox change = new Checkbox(getTranslation("meeting.decision.change-action"));
        change.setId("decision-change");
        Select<ActionStatus> status = new Select<>();
        status.setId("decision-change-status");
        status.setLabel(getTranslation("actions.col.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(st -> getTranslation("actions.status." + st.code()));
        DatePicker newDue = new DatePicker(getTranslation("actions.col.due"));
        newDue.setId("decision-change-due");
        HorizontalLayout changed = new HorizontalLayout(status, newDue);
        changed.setVisible(false);
        change.setVisible(existing != null);
        if (existing != null) {
            status.setValue(existing.status());
            newDue.setValue(existing.dueDate());
            change.addValueChangeListener(e -> {
                changed.setVisible(e.getValue());
                withAction.setValue(false);
            });
            withAction.addValueChangeListener(e -> {
                if (e.getValue()) {
                    change.setValue(false);
                }
            });
        }
        Checkbox escalate = new Checkbox(getTranslation("meeting.decision.escalate"));
        escalate.setId("decision-escalate");
        escalate.setVisible(mayEscalate);
        Button save = new Button(getTranslation("meeting.decision.save"), e -> act(() -> {
            boolean changing = existing != null && change.getValue();
            ActionDraft draft = changing ? new ActionDraft(existing.title(), existing.owner(), newDue.getValue(), status.getValue(),
                    existing.indicator())
                    : withAction.getValue() ? new ActionDraft(actionTitle.getValue(), owner.getValue(), due.getValue(), ActionStatus.TODO,
                    item.kind() == Meeting.ItemKind.INDICATOR ? item.ref() : null) : null;
            meetings.decide(caller, meetingId, item.id(), text.getValue(), draft, changing ? existing.id() : null,
                    escalate.getValue() ? escalation(item, text.getValue()) : null);
        }));
        save.setId("decision-save");
        Div form = new Div(text, withAction, action, change, changed, escalate, save);
        form.addClassName("meeting-decision-form");
        return form;
    }

    private EscalationDraft escalation(Meeting.Item item, String reason) {
        return item.kind() == Meeting.ItemKind.INDICATOR
                ? EscalationDraft.indicator(item.ref(), record.meeting().period(), reason, null, null)
                : EscalationDraft.action(Long.parseLong(item.ref()), reason, null, null);
    }

    private Div decisions(Meeting.Item item) {
        Div list = new Div();
        list.setId("meeting-decisions");
        for (Meeting.Decision d : record.decisionsOn(item.id())) {
            Paragraph p = new Paragraph("✔ " + d.text() + (d.actionId() == null ? "" : " · " + getTranslation("meeting.decision.action",
                    d.actionId())) + (d.escalationId() == null ? "" : " · " + getTranslation("meeting.decision.escalation", d.escalationId())));
            p.addClassName("meeting-decision");
            list.add(p);
        }
        return list;
    }

    private Div agenda(List<Meeting.Item> agenda, int position, boolean run) {
        Div d = new Div(new H3(getTranslation("meeting.agenda")));
        d.setId("meeting-agenda");
        OrderedList list = new OrderedList();
        List<Long> ids = new ArrayList<>(agenda.stream().map(Meeting.Item::id).toList());
        for (int i = 0; i < agenda.size(); i++) {
            Meeting.Item item = agenda.get(i);
            ListItem li = new ListItem(new Span(getTranslation("meeting.kind." + item.kind().name().toLowerCase(Locale.ROOT)) + " — "
                    + item.title() + (item.isNew() ? " · " + getTranslation("meeting.new") : "") + " · " + minutes(item.seconds())));
            li.addClassName("meeting-agenda-item");
            li.setClassName("meeting-agenda-current", i == position);
            if (run) {
                int at = i;
                Button up = new Button("↑", e -> act(() -> meetings.reorder(caller, meetingId, swap(ids, at, at - 1))));
                up.setEnabled(i > 0);
                up.getElement().setAttribute("aria-label", getTranslation("meeting.up"));
                Button drop = new Button("✕", e -> act(() -> meetings.drop(caller, meetingId, item.id())));
                drop.getElement().setAttribute("aria-label", getTranslation("meeting.drop"));
                li.add(up, drop);
            }
            list.add(li);
        }
        d.add(list);
        if (run) {
            TextField title = new TextField();
            title.setPlaceholder(getTranslation("meeting.add-item"));
            title.setId("meeting-add-title");
            Button add = new Button(getTranslation("meeting.add"), e -> act(() -> meetings.add(caller, meetingId, title.getValue(), null)));
            add.setId("meeting-add");
            d.add(new HorizontalLayout(title, add));
        }
        return d;
    }

    private static List<Long> swap(List<Long> ids, int a, int b) {
        List<Long> out = new ArrayList<>(ids);
        out.set(a, ids.get(b));
        out.set(b, ids.get(a));
        return out;
    }

    private Div attendance(boolean run) {
        Div d = new Div(new H3(getTranslation("meeting.attendance")));
        d.setId("meeting-attendance");
        for (Meeting.Attendance a : record.attendance()) {
            Select<Presence> presence = new Select<>();
            presence.setLabel(a.name() + (a.role() == null ? "" : " (" + a.role() + ")"));
            presence.setItems(Presence.values());
            presence.setItemLabelGenerator(p -> getTranslation("meeting.presence." + p.name().toLowerCase(Locale.ROOT)));
            presence.setValue(a.presence());
            presence.setReadOnly(!run);
            presence.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> meetings.attendance(caller, meetingId, a.memberId(), e.getValue()));
                }
            });
            d.add(presence);
        }
        Meeting.Roles roles = record.meeting().roles();
        TextField facilitator = new TextField(getTranslation("meeting.role.facilitator"), roles.facilitator() == null ? "" : roles.facilitator(), "");
        TextField timekeeper = new TextField(getTranslation("meeting.role.timekeeper"), roles.timekeeper() == null ? "" : roles.timekeeper(), "");
        TextField secretary = new TextField(getTranslation("meeting.role.secretary"), roles.secretary() == null ? "" : roles.secretary(), "");
        HorizontalLayout r = new HorizontalLayout(facilitator, timekeeper, secretary);
        if (run) {
            r.add(new Button(getTranslation("meeting.roles.save"), e -> act(() -> meetings.roles(caller, meetingId,
                    new Meeting.Roles(facilitator.getValue(), timekeeper.getValue(), secretary.getValue())))));
        } else {
            facilitator.setReadOnly(true);
            timekeeper.setReadOnly(true);
            secretary.setReadOnly(true);
        }
        d.add(r);
        return d;
    }

    // A closed meeting

    private void closedMeeting(Formats f) {
        Div decided = new Div(new H2(getTranslation("meeting.decisions")));
        decided.setId("meeting-decided");
        int n = 0;
        for (Meeting.Item item : record.agenda()) {
            n++;
            decided.add(new H3(n + ". " + item.title()));
            List<Meeting.Decision> list = record.decisionsOn(item.id());
            if (list.isEmpty()) {
                decided.add(new Paragraph(getTranslation("meeting.no-decision")));
            }
            list.forEach(d -> decided.add(new Paragraph("✔ " + d.text())));
        }
        body.add(decided);
        if (snapshots.mayDownload(caller)) {
            Anchor minutes = download(MeetingService.ArchivedFile.MINUTES, getTranslation("meeting.download.minutes"),
                    (getLocale().getLanguage().equals("en") ? "minutes-" : "compte-rendu-") + meetingId + ".pdf", "application/pdf");
            minutes.setId("meeting-minutes");
            Anchor board = download(MeetingService.ArchivedFile.BOARD_PDF, getTranslation("meeting.download.board"),
                    "tableau-rencontre-" + meetingId + ".pdf", "application/pdf");
            board.setId("meeting-board-pdf");
            body.add(new HorizontalLayout(minutes, board));
        }
        body.add(boardThenAndNow());
    }

    private Anchor download(MeetingService.ArchivedFile file, String text, String name, String type) {
        Locale locale = getLocale();
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = meetings.download(caller.at(event.getRequest().getRemoteAddr()), meetingId, file, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), name, type, bytes.length);
        }), text);
        a.setTarget(AnchorTarget.BLANK);
        a.addClassName("download");
        return a;
    }

    /** The board's tiles as they were when the meeting closed, beside today's values of the same month. */
    @SuppressWarnings("unchecked")
    private Div boardThenAndNow() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        Map<String, Object> then = json.readValue(meetings.boardAsItWas(caller, meetingId), Map.class);
        Map<String, Object> now = json.readValue(meetings.boardToday(caller, meetingId), Map.class);
        Map<String, Map<String, Object>> today = new java.util.HashMap<>();
        for (Object t : (List<Object>) now.get("tiles")) {
            Map<String, Object> tile = (Map<String, Object>) t;
            today.put((String) tile.get("indicator"), tile);
        }
        Div d = new Div(new H2(getTranslation("meeting.board-then-now")));
        d.setId("meeting-board");
        boolean english = getLocale().getLanguage().equals("en");
        for (Object t : (List<Object>) then.get("tiles")) {
            Map<String, Object> tile = (Map<String, Object>) t;
            Map<String, Object> nowTile = today.getOrDefault((String) tile.get("indicator"), Map.of());
            Paragraph p = new Paragraph(getTranslation("meeting.board-line", tile.get(english ? "labelEn" : "labelFr"),
                    value(tile.get("value")), value(tile.get("target")), status(tile.get("status")), value(nowTile.get("value")),
                    status(nowTile.get("status"))));
            p.addClassName("meeting-board-line");
            d.add(p);
        }
        return d;
    }

    private String value(Object v) {
        return v == null ? "—" : new Formats(getLocale()).number(((Number) v).doubleValue());
    }

    private String status(Object s) {
        return s == null ? "—" : getTranslation("meeting.status." + s);
    }

    private void act(Runnable r) {
        try {
            r.run();
            redraw();
        } catch (Refusal e) {
            Notification n = Notification.show(e.sentence().in(getLocale()), 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return room == null ? getTranslation("meeting.page-title") : getTranslation("meeting.title", room.name());
    }
}

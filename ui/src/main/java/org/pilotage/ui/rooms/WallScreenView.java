package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
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
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboard;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.meetings.Meeting;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ui.base.Formats;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A room on a wall screen: full screen, large type, one section at a time rotating every N seconds
 * ({@code ?rotate=N}, default {@code pilotage.wall-screen.rotate-seconds}), redrawn by itself (server
 * push) when an ingestion that touches the room's data completes. While the room holds a meeting, the
 * screen follows it instead: the item on screen, large, with its countdown, moved by the facilitator
 * through server push.
 */
@Route(value = "rooms/:id/tv", autoLayout = false)
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class WallScreenView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;

    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final EscalationService escalations;
    private final ReferenceService reference;
    private final IngestionEvents events;
    private final MeetingService meetings;
    private final int defaultRotateSeconds;
    private final Caller caller;
    private final List<Div> sections = new ArrayList<>();
    private final Div stage = new Div();
    private final Span freshness = new Span();
    private final Span refreshed = new Span();
    private Div escalationLines = new Div();
    private SteeringRoom room;
    private int rotateSeconds;
    private int current;
    private Runnable subscription;
    private Runnable meetingSubscription;
    private Meeting.Record meeting;
    private final Span meetingClock = new Span();
    private com.vaadin.flow.shared.Registration pollRegistration;

    /** The wall screens' settings: {@code pilotage.wall-screen.rotate-seconds}, 20 by default. */
    @ConfigurationProperties("pilotage.wall-screen")
    public record Settings(@DefaultValue("20") int rotateSeconds) {
    }

    public WallScreenView(RoomService rooms, RoomDashboardService dashboards, EscalationService escalations, ReferenceService reference,
                          IngestionEvents events, MeetingService meetings, Settings settings, CurrentCaller caller) {
        this.meetings = meetings;
        this.escalations = escalations;
        this.reference = reference;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.events = events;
        this.defaultRotateSeconds = settings.rotateSeconds();
        this.caller = caller.get();
        addClassName("wall-screen");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        room = event.getRouteParameters().get("id").flatMap(id -> rooms.find(caller, id)).orElse(null);
        removeAll();
        if (room == null) {
            getUI().ifPresent(this::unwatch);
            add(new H1(getTranslation("room.unknown")), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        rotateSeconds = event.getLocation().getQueryParameters().getSingleParameter("rotate").map(v -> {
            try {
                return Math.clamp(Integer.parseInt(v), 5, 600);
            } catch (NumberFormatException e) {
                return defaultRotateSeconds;
            }
        }).orElse(defaultRotateSeconds);
        H1 name = new H1(room.name());
        name.addClassName("tv-title");
        freshness.setId("tv-freshness");
        refreshed.setId("tv-refreshed");
        RouterLink exit = new RouterLink(getTranslation("tv.exit"), RoomView.class, new RouteParameters("id", String.valueOf(room.id())));
        exit.addClassName("tv-exit");
        Div head = new Div(name, freshness, refreshed, exit);
        head.addClassName("tv-head");
        stage.addClassName("tv-stage");
        add(head, stage);
        redraw();
        getUI().ifPresent(this::watch); // already attached: Vaadin reused this view for another room
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        watch(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unwatch(detachEvent.getUI());
    }

    /** Rotation and push refresh for the room shown now (again when Vaadin reuses this view for another room). */
    private void watch(UI ui) {
        unwatch(ui);
        if (room == null) {
            return;
        }
        ui.setPollInterval(meeting != null ? 1000 : rotateSeconds * 1000);
        pollRegistration = ui.addPollListener(e -> {
            if (meeting != null) {
                tick();
            } else {
                rotate();
            }
        });
        SteeringRoom watched = room;
        meetingSubscription = meetings.onChange(id -> {
            boolean ours = meeting != null && meeting.meeting().id() == id;
            if (ours || meetings.openMeeting(caller, watched.id()).filter(open -> open == id).isPresent()) {
                ui.access(() -> {
                    redraw();
                    ui.setPollInterval(meeting != null ? 1000 : rotateSeconds * 1000);
                });
            }
        });
        subscription = events.subscribe(ingestion -> {
            if (ingestion.status() == IngestionStatus.COMPLETED && dashboards.touches(watched, ingestion.id())) {
                ui.access(this::redraw);
            }
        });
    }

    private void unwatch(UI ui) {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
        if (meetingSubscription != null) {
            meetingSubscription.run();
            meetingSubscription = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        ui.setPollInterval(-1);
    }

    private void redraw() {
        Locale locale = getLocale();
        Formats f = new Formats(locale);
        RoomFilters filters = new RoomFilters(ReportingPeriod.month(rooms.lastCompleteMonth()));
        RoomDashboard dashboard = dashboards.dashboard(room, filters);
        freshness.setText(dashboard.freshness() == null ? getTranslation("room.no-data")
                : getTranslation("room.freshness", f.date(dashboard.freshness())) + " · " + f.period(filters.period()));
        refreshed.setText(getTranslation("tv.refreshed", LocalTime.now(ZONE).format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        refreshed.getElement().setAttribute("data-version", String.valueOf(dashboard.dataVersion()));
        meeting = meetings.openMeeting(caller, room.id()).map(id -> meetings.record(caller, id)).orElse(null);
        if (meeting != null) {
            drawMeeting(dashboard, locale);
            return;
        }

        sections.clear();
        for (EffectLevel level : EffectLevel.values()) {
            List<IndicatorTile> tiles = dashboard.tiles().get(level);
            if (tiles == null) {
                continue;
            }
            Div tileGrid = new Div();
            tileGrid.addClassNames("tiles", "tv-tiles");
            tiles.forEach(t -> tileGrid.add(new TileCard(t, locale, null)));
            sections.add(section(level.code(), getTranslation("level." + level.code()), tileGrid,
                    chart(RoomChart.of(level), filters)));
        }
        if (dashboard.charts().contains(RoomChart.PROJECT_COUNTS)) {
            sections.add(section("project-counts", getTranslation("room.project-counts"), chart(RoomChart.PROJECT_COUNTS, filters)));
        }
        escalationLines = new Div();
        escalationLines.addClassName("tv-escalations");
        if (showEscalations()) {
            sections.add(section("escalations", getTranslation("escalation.section"), escalationLines));
        }
        current = Math.min(current, Math.max(0, sections.size() - 1));
        stage.removeAll();
        sections.forEach(stage::add);
        show();
    }

    private Div section(String id, String title, com.vaadin.flow.component.Component... content) {
        Div s = new Div(new H2(title));
        s.add(content);
        s.addClassName("tv-section");
        s.setId("tv-section-" + id);
        return s;
    }

    private Image chart(RoomChart chart, RoomFilters filters) {
        // PNG at twice the layout size: sharp on a large screen and light for the browser of a small PC.
        byte[] png = dashboards.chartPng(room, chart, filters, getLocale(), 2);
        Image image = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(png),
                "salle-" + room.id() + "-" + chart.id() + ".png", "image/png", png.length)).inline(), chart.id());
        image.addClassName("tv-chart");
        return image;
    }

    /** The meeting's item on screen, large, with its tile when it is an indicator, and the countdowns. */
    private void drawMeeting(RoomDashboard dashboard, Locale locale) {
        sections.clear();
        stage.removeAll();
        List<Meeting.Item> agenda = meeting.agenda();
        Div section = new Div();
        section.addClassNames("tv-section", "tv-meeting");
        section.setId("tv-meeting");
        meetingClock.setId("tv-meeting-clock");
        meetingClock.addClassName("tv-meeting-clock");
        section.add(new H2(getTranslation("tv.meeting")), meetingClock);
        if (!agenda.isEmpty()) {
            Meeting.Clock c = meetings.clock(meeting);
            Meeting.Item item = agenda.get(c.position());
            Span which = new Span(getTranslation("meeting.item-of", c.position() + 1, agenda.size()) + " · "
                    + getTranslation("meeting.kind." + item.kind().name().toLowerCase(Locale.ROOT)));
            which.addClassName("tv-meeting-kind");
            H1 title = new H1(item.title());
            title.setId("tv-meeting-current");
            title.addClassName("tv-meeting-title");
            // what the item is on the left, the indicator's tile beside it: the whole item on one screen
            Div text = new Div(which, title);
            text.addClassName("tv-meeting-text");
            Div body = new Div(text);
            body.addClassName("tv-meeting-body");
            if (item.kind() == Meeting.ItemKind.INDICATOR) {
                dashboard.allTiles().stream().filter(t -> t.indicator().code().equals(item.ref())).findFirst()
                        .ifPresent(t -> body.add(new TileCard(t, locale, null)));
            } else if (item.detail() != null) {
                Span detail = new Span(item.detail());
                detail.addClassName("tv-meeting-detail");
                text.add(detail);
            }
            section.add(body);
        }
        stage.add(section);
        tick();
    }

    private void tick() {
        if (meeting != null) {
            MeetingView.showClock(meetingClock, meetings.clock(meeting));
        }
    }

    private void rotate() {
        if (!sections.isEmpty()) {
            current = (current + 1) % sections.size();
            if (current == 0) {
                showEscalations(); // an answer that came down since shows at the next turn
            }
            show();
        }
    }

    /**
     * What the room received and has not answered, and what it sent with the answer that came back down;
     * one past its answer date stands out. False when there is nothing to show.
     */
    private boolean showEscalations() {
        escalationLines.removeAll();
        Formats f = new Formats(getLocale());
        java.time.LocalDate today = escalations.today();
        List<Escalation> lines = new ArrayList<>();
        escalations.unclosed(room, true).stream().filter(e -> e.status().unanswered()).forEach(lines::add);
        lines.addAll(escalations.unclosed(room, false));
        for (Escalation e : lines) {
            boolean received = e.toRoom() == room.id();
            String other = rooms.find(caller, received ? e.fromRoom() : e.toRoom()).map(SteeringRoom::name).orElse("");
            String what = e.aboutIndicator()
                    ? reference.indicator(e.indicator()).map(i -> i.label(getLocale())).orElse(e.indicator()) + " · " + f.month(e.period())
                    : escalations.actionTitle(e).orElse(getTranslation("format.ref", e.actionId()));
            Div line = new Div();
            line.addClassNames("tv-escalation", e.overdue(today) ? "tv-escalation-overdue" : "tv-escalation-" + e.status().code());
            line.setText(getTranslation(received ? "tv.escalation.received" : "tv.escalation.sent", other, what,
                    getTranslation("escalation.status." + e.status().name()), EscalationDialogs.answerBy(this, e, today))
                    + (e.answer() == null ? "" : " — " + e.answer()));
            escalationLines.add(line);
        }
        return !lines.isEmpty();
    }

    private void show() {
        for (int i = 0; i < sections.size(); i++) {
            // A class, not setVisible: hidden sections stay in the page, so rotating costs no round trip.
            sections.get(i).setClassName("tv-hidden", i != current);
        }
    }

    @Override
    public String getPageTitle() {
        return (room == null ? "" : room.name() + " — ") + getTranslation("tv.page-title");
    }
}

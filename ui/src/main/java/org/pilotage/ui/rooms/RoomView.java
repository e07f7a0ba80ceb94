package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.cascade.CascadeService;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboard;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.status.Status;
import org.pilotage.ui.base.Formats;
import org.pilotage.ui.security.CurrentCaller;

/**
 * A steering room's dashboard: period and filters, the three effect sections with their tiles and
 * charts, project counts, directions compared, and the room's priority actions.
 */
@Route("rooms/:id")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class RoomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final ReferenceService reference;
    private final ActionService actions;
    private final SnapshotService snapshots;
    private final EscalationService escalations;
    private final CascadeService cascade;
    private final MeetingService meetings;
    private final Caller caller;

    private final FilterBar filterBar = new FilterBar();
    private final Select<String> compared = new Select<>();
    private final Div body = new Div();
    private final Span lateBanner = new Span();
    private SteeringRoom room;
    private String title = "";

    public RoomView(RoomService rooms, RoomDashboardService dashboards, ReferenceService reference, ActionService actions,
                    SnapshotService snapshots, EscalationService escalations, CascadeService cascade, MeetingService meetings,
                    CurrentCaller caller) {
        this.meetings = meetings;
        this.escalations = escalations;
        this.cascade = cascade;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.reference = reference;
        this.actions = actions;
        this.snapshots = snapshots;
        this.caller = caller.get();
        addClassName("pilotage-room");
        setWidthFull();
        // Listeners once: Vaadin may reuse this view for another room.
        filterBar.onChange(this::refreshIfReady);
        compared.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refreshIfReady();
            }
        });
    }

    private void refreshIfReady() {
        if (room != null) {
            refresh();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        room = event.getRouteParameters().get("id").flatMap(id -> rooms.find(caller, id)).orElse(null);
        removeAll();
        if (room == null) {
            title = getTranslation("room.unknown");
            add(new H1(title), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        title = room.name();
        RoomFilters filters = rooms.filtersOrDefaults(room, RoomAddress.words(event.getLocation().getQueryParameters()));
        compared.setItems(List.of());
        compared.clear();
        H1 heading = new H1(room.name());
        Span level = new Span(getTranslation("room.level." + room.level().code()));
        level.addClassNames("room-level-badge", "room-level-" + room.level().code());
        Span scope = new Span(scope(room, this::getTranslation));
        scope.addClassName("room-scope");
        RouterLink tv = new RouterLink(getTranslation("room.tv"), WallScreenView.class, new RouteParameters("id", String.valueOf(room.id())));
        tv.setId("open-tv");
        HorizontalLayout head = new HorizontalLayout(heading, level, scope, tv);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("room-head");
        head.expand(scope);
        filterBar.show(rooms, caller, room, filters);
        body.addClassName("room-body");
        lateBanner.addClassName("late-banner");
        lateBanner.setId("late-banner");
        add(head);
        Nav path = CascadeSection.path(rooms, caller, room);
        if (path != null) {
            add(path);
        }
        add(filterBar, lateBanner, body);
        refresh();
    }

    private void refresh() {
        body.removeAll();
        RoomFilters filters = filterBar.filters(rooms.lastCompleteMonth(), compared.getValue());
        RoomDashboard dashboard = dashboards.dashboard(room, filters);
        Map<RoomChart, byte[]> charts = dashboards.renderAll(room, filters, getLocale());
        Formats f = new Formats(getLocale());
        Locale locale = getLocale();

        Paragraph freshness = new Paragraph(dashboard.freshness() == null ? getTranslation("room.no-data")
                : getTranslation("room.freshness", f.date(dashboard.freshness())));
        freshness.setId("freshness");
        freshness.addClassName("room-freshness");
        Paragraph period = new Paragraph(getTranslation("room.showing", f.period(filters.period())));
        period.addClassName("room-showing");
        body.add(period, freshness);
        if (snapshots.mayDownload(caller)) {
            body.add(Downloads.report(snapshots, caller, room, filters, locale, getTranslation("download.report")));
        }

        body.add(new MeetingsSection(meetings, caller, room));
        Section below = CascadeSection.below(cascade, caller, room);
        if (below != null) {
            body.add(below);
        }
        SteeringRoom parent = room.parentId() == null ? null : rooms.find(caller, room.parentId()).orElse(null);
        boolean mayEscalate = parent != null && EscalationService.mayAct(caller);
        // What the room sent up and is not closed yet: its tile or action says so instead of offering to send it again.
        Map<String, Escalation> sentIndicators = new HashMap<>();
        Map<Long, String> sentActions = new HashMap<>();
        if (parent != null) {
            for (Escalation e : escalations.unclosed(room, false)) {
                if (e.aboutIndicator()) {
                    sentIndicators.put(e.indicator() + "|" + e.period(), e);
                } else {
                    sentActions.put(e.actionId(), getTranslation("escalation.status." + e.status().name()));
                }
            }
        }
        if (room.parentId() != null || !rooms.children(room).isEmpty()) {
            body.add(new EscalationsSection(escalations, actions, rooms, reference, caller, room, this::refresh));
        }
        for (EffectLevel level : EffectLevel.values()) {
            List<IndicatorTile> tiles = dashboard.tiles().get(level);
            if (tiles == null) {
                continue;
            }
            Section section = new Section();
            section.addClassName("effect-section");
            section.setId("section-" + level.code());
            Div grid = new Div();
            grid.addClassName("tiles");
            for (IndicatorTile tile : tiles) {
                TileCard card = new TileCard(tile, locale, () -> openIndicator(tile.indicator(), filters));
                Escalation up = sentIndicators.get(tile.indicator().code() + "|" + filters.period().end());
                if (up != null) {
                    card.escalated(getTranslation("escalation.already", getTranslation("escalation.status." + up.status().name())));
                } else if (mayEscalate && (tile.status() == Status.BELOW_COMMITMENT || tile.status() == Status.COMMITMENT_MET)) {
                    card.escalatable(() -> EscalationDialogs.escalate(this, escalations, caller, room, parent,
                            tile.indicator().label(locale) + " · " + f.month(filters.period().end()), tile.indicator().code(),
                            filters.period().end(), null, this::refresh));
                }
                grid.add(card);
            }
            section.add(new H2(getTranslation("level." + level.code())), grid,
                    chart(RoomChart.of(level), charts, filters, getTranslation("level." + level.code())));
            body.add(section);
        }
        if (dashboard.charts().contains(RoomChart.PROJECT_COUNTS)) {
            Section counts = new Section(new H2(getTranslation("room.project-counts")),
                    chart(RoomChart.PROJECT_COUNTS, charts, filters, getTranslation("room.project-counts")));
            counts.setId("section-project-counts");
            counts.addClassName("effect-section");
            body.add(counts);
        }
        if (dashboard.charts().contains(RoomChart.DIRECTIONS)) {
            Map<String, Indicator> known = new LinkedHashMap<>();
            reference.indicators().forEach(i -> known.put(i.code(), i));
            compared.setLabel(getTranslation("room.compared"));
            compared.setId("compared");
            List<String> codes = room.indicators().stream().filter(known::containsKey).toList();
            if (compared.getValue() == null) {
                compared.setItems(codes);
                compared.setItemLabelGenerator(c -> known.get(c).label(locale));
                compared.setValue(codes.getFirst());
            }
            Section directions = new Section(new H2(getTranslation("room.directions-compared")), compared,
                    chart(RoomChart.DIRECTIONS, charts, filters, getTranslation("room.directions-compared")));
            directions.setId("section-directions");
            directions.addClassName("effect-section");
            body.add(directions);
        }
        // The actions that take in charge what a child room sent: which escalation, from which room.
        Map<Long, String> takenActions = new HashMap<>();
        for (Escalation e : escalations.received(caller, room)) {
            if (e.takenActionId() != null) {
                String from = rooms.find(caller, e.fromRoom()).map(SteeringRoom::name).orElse("");
                takenActions.merge(e.takenActionId(), getTranslation("escalation.taken-from", e.id(), from), (a, b) -> a + " · " + b);
            }
        }
        body.add(new ActionsSection(actions, caller, room, lateBanner, sentActions, takenActions, !mayEscalate ? null
                : a -> EscalationDialogs.escalate(this, escalations, caller, room, parent, getTranslation("escalation.action-subject", a.title()),
                        null, null, a.id(), this::refresh)));
    }

    private Component chart(RoomChart chart, Map<RoomChart, byte[]> charts, RoomFilters filters, String label) {
        Image image = image(chart, charts, filters, label);
        if (!snapshots.mayDownload(caller)) {
            return image;
        }
        Div box = new Div(image, Downloads.chartMenu(snapshots, caller, room, chart, filters, getLocale()));
        box.addClassName("chart-box");
        return box;
    }

    private Image image(RoomChart chart, Map<RoomChart, byte[]> charts, RoomFilters filters, String label) {
        byte[] svg = charts.get(chart);
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(svg),
                "salle-" + room.id() + "-" + chart.id() + ".svg", "image/svg+xml", svg.length)).inline(),
                getTranslation("room.chart-alt", label, new Formats(getLocale()).period(filters.period())));
        image.addClassNames("effect-chart", "chart-" + chart.id());
        return image;
    }

    private void openIndicator(Indicator indicator, RoomFilters filters) {
        getUI().ifPresent(ui -> ui.navigate(IndicatorView.class,
                new RouteParameters(Map.of("id", String.valueOf(room.id()), "code", indicator.code())),
                RoomAddress.query(filters)));
    }

    /** «Établissement X · directions A, B» as a line under a room's name. */
    static String scope(SteeringRoom room, Function<String, String> t) {
        return room.establishment() + " · " + (room.directions().isEmpty() ? t.apply("room.directions.all")
                : String.join(", ", room.directions()));
    }

    @Override
    public String getPageTitle() {
        return title + " — Pilotage";
    }
}

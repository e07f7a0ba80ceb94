package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.rooms.IndicatorTile;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomChart;
import org.pilotage.analytics.rooms.RoomDashboard;
import org.pilotage.analytics.rooms.RoomDashboardService;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.ui.base.Formats;
import org.pilotage.ui.security.AuditTrail;
import org.pilotage.ui.security.ExportPolicy;

/**
 * A steering room's dashboard: period and filters, the three effect sections with their tiles and
 * charts, project counts, directions compared, and the room's priority actions.
 */
@Route("rooms/:id")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class RoomView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SteeringRoomRepository rooms;
    private final RoomDashboardService dashboards;
    private final EffectDashboardService effects;
    private final ReferenceRepository reference;
    private final CatalogueRepository catalogue;
    private final ActionRepository actions;
    private final AuthenticationContext auth;
    private final SnapshotService snapshots;
    private final AuditTrail audit;
    private final org.pilotage.ui.security.EstablishmentScope scope;
    private final boolean mayDownload;

    private final Select<ReportingPeriod.Kind> kind = new Select<>();
    private final ComboBox<YearMonth> month = new ComboBox<>();
    private final Select<String> direction = new Select<>();
    private final ComboBox<String> project = new ComboBox<>();
    private final Select<String> compared = new Select<>();
    private final Div body = new Div();
    private final Grid<PriorityAction> actionGrid = new Grid<>();
    private final Span lateBanner = new Span();
    private SteeringRoom room;
    private String title = "";

    public RoomView(SteeringRoomRepository rooms, RoomDashboardService dashboards, EffectDashboardService effects,
                    ReferenceRepository reference, CatalogueRepository catalogue, ActionRepository actions,
                    AuthenticationContext auth, SnapshotService snapshots, ExportPolicy exports, AuditTrail audit,
                    org.pilotage.ui.security.EstablishmentScope scope) {
        this.audit = audit;
        this.scope = scope;
        this.snapshots = snapshots;
        this.mayDownload = exports.mayDownload(
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getAuthorities());
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.effects = effects;
        this.reference = reference;
        this.catalogue = catalogue;
        this.actions = actions;
        this.auth = auth;
        addClassName("pilotage-room");
        setWidthFull();
        // Listeners once: Vaadin may reuse this view for another room.
        kind.addValueChangeListener(e -> refreshIfReady());
        month.addValueChangeListener(e -> refreshIfReady());
        direction.addValueChangeListener(e -> refreshIfReady());
        project.addValueChangeListener(e -> refreshIfReady());
        compared.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refreshIfReady();
            }
        });
        actionGrid.addItemDoubleClickListener(e -> {
            if (RoomAccess.mayComment(auth)) {
                editAction(e.getItem());
            }
        });
    }

    private boolean building;

    private void refreshIfReady() {
        if (!building && room != null) {
            refresh();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        room = RoomAccess.room(event, rooms, scope);
        removeAll();
        if (room == null) {
            title = getTranslation("room.unknown");
            add(new H1(title), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        title = room.name();
        build(RoomParams.of(event.getLocation().getQueryParameters(), effects.lastCompleteMonth()));
    }

    private void build(RoomParams params) {
        building = true;
        compared.setItems(List.of());
        compared.clear();
        Formats f = new Formats(getLocale());
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

        kind.setLabel(getTranslation("room.period-kind"));
        kind.setId("period-kind");
        kind.setItems(ReportingPeriod.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("period." + k.code()));
        kind.setValue(params.kind());
        month.setLabel(getTranslation("room.period"));
        month.setId("period");
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            months.add(effects.lastCompleteMonth().minusMonths(i));
        }
        if (!months.contains(params.month())) {
            months.add(0, params.month());
        }
        month.setItems(months);
        month.setItemLabelGenerator(f::month);
        month.setValue(params.month());
        month.setWidth("13rem");

        List<String> scopeDirections = room.directions().isEmpty()
                ? reference.establishments().stream().filter(e -> e.code().equals(room.establishment())).findFirst()
                        .map(e -> e.directions()).orElse(List.of())
                : room.directions();
        direction.setLabel(getTranslation("room.direction"));
        direction.setId("direction");
        List<String> directionItems = new ArrayList<>();
        directionItems.add("");
        directionItems.addAll(scopeDirections);
        direction.setItems(directionItems);
        direction.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("room.direction.all") : d);
        direction.setValue(scopeDirections.contains(params.direction()) ? params.direction() : "");

        project.setLabel(getTranslation("room.project"));
        project.setId("project");
        project.setItems(reference.projects(room.establishment()));
        project.setPlaceholder(getTranslation("room.project.none"));
        project.setClearButtonVisible(true);
        project.setValue(params.project());

        HorizontalLayout filters = new HorizontalLayout(kind, month, direction, project);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("pilotage-filters");
        filters.setWrap(true);

        body.addClassName("room-body");
        lateBanner.addClassName("late-banner");
        lateBanner.setId("late-banner");
        add(head, filters, lateBanner, body);

        building = false;
        refresh();
    }

    private RoomFilters filters() {
        YearMonth m = month.getValue() == null ? effects.lastCompleteMonth() : month.getValue();
        return new RoomFilters(new ReportingPeriod(kind.getValue(), m), direction.getValue(), project.getValue(),
                compared.getValue(), RoomFilters.DEFAULT_MONTHS);
    }

    private void refresh() {
        body.removeAll();
        RoomFilters filters = filters();
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
        if (mayDownload) {
            body.add(Downloads.report(snapshots, room, filters, locale, user(), getTranslation("download.report")));
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
                grid.add(new TileCard(tile, locale, () -> openIndicator(tile.indicator(), filters)));
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
            catalogue.findAll().forEach(i -> known.put(i.code(), i));
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
        body.add(actionsSection());
    }

    private String user() {
        return auth.getPrincipalName().orElse("?");
    }

    private com.vaadin.flow.component.Component chart(RoomChart chart, Map<RoomChart, byte[]> charts, RoomFilters filters, String label) {
        Image image = image(chart, charts, filters, label);
        if (!mayDownload) {
            return image;
        }
        Div box = new Div(image, Downloads.chartMenu(snapshots, room, chart, filters, getLocale(), user()));
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
                RoomParams.query(filters)));
    }

    private Section actionsSection() {
        Formats f = new Formats(getLocale());
        Section section = new Section();
        section.setId("section-actions");
        section.addClassName("effect-section");
        section.add(new H2(getTranslation("actions.title")));
        actionGrid.removeAllColumns();
        actionGrid.addColumn(PriorityAction::title).setHeader(getTranslation("actions.col.title")).setFlexGrow(3);
        actionGrid.addColumn(PriorityAction::owner).setHeader(getTranslation("actions.col.owner")).setFlexGrow(1);
        actionGrid.addColumn(a -> f.day(a.dueDate())).setHeader(getTranslation("actions.col.due")).setFlexGrow(1)
                .setComparator(PriorityAction::dueDate);
        actionGrid.addColumn(a -> a.late() ? "⚠ " + getTranslation("actions.status.late")
                : getTranslation("actions.status." + a.status().code())).setHeader(getTranslation("actions.col.status"))
                .setFlexGrow(1).setPartNameGenerator(a -> a.late() ? "action-late" : null);
        actionGrid.addColumn(a -> a.indicator() == null ? "" : a.indicator()).setHeader(getTranslation("actions.col.indicator"))
                .setFlexGrow(1);
        actionGrid.setPartNameGenerator(a -> a.late() ? "action-late" : null);
        actionGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        actionGrid.setAllRowsVisible(true);
        actionGrid.setId("actions");
        List<PriorityAction> list = actions.forRoom(room.id());
        actionGrid.setItems(list);
        long late = list.stream().filter(PriorityAction::late).count();
        lateBanner.setText(late == 0 ? "" : "⚠ " + getTranslation("actions.late-banner", late));
        lateBanner.setVisible(late > 0);
        if (RoomAccess.mayComment(auth)) {
            Button add = new Button(getTranslation("actions.add"), e -> editAction(null));
            add.setId("action-add");
            section.add(add, new Paragraph(getTranslation("actions.edit-hint")));
        }
        section.add(list.isEmpty() ? new Paragraph(getTranslation("actions.none")) : actionGrid);
        return section;
    }

    private void editAction(PriorityAction action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(action == null ? "actions.add" : "actions.edit"));
        TextField title = new TextField(getTranslation("actions.col.title"));
        title.setId("action-title");
        title.setMaxLength(300);
        TextField owner = new TextField(getTranslation("actions.col.owner"));
        owner.setId("action-owner");
        owner.setMaxLength(120);
        DatePicker due = new DatePicker(getTranslation("actions.col.due"));
        due.setId("action-due");
        due.setLocale(getLocale());
        Select<ActionStatus> status = new Select<>();
        status.setLabel(getTranslation("actions.col.status"));
        status.setItems(ActionStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("actions.status." + s.code()));
        Select<String> indicator = new Select<>();
        indicator.setLabel(getTranslation("actions.col.indicator"));
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(room.indicators());
        indicator.setItems(items);
        indicator.setItemLabelGenerator(c -> c.isEmpty() ? "—" : c);
        if (action != null) {
            title.setValue(action.title());
            owner.setValue(action.owner());
            due.setValue(action.dueDate());
            status.setValue(action.status());
            indicator.setValue(action.indicator() == null ? "" : action.indicator());
        } else {
            due.setValue(LocalDate.now().plusWeeks(2));
            status.setValue(ActionStatus.TODO);
            indicator.setValue("");
        }
        Paragraph problem = new Paragraph();
        problem.addClassName("form-problems");
        dialog.add(new FormLayout(title, owner, due, status, indicator), problem);
        Button save = new Button(getTranslation("actions.save"), e -> {
            ActionDraft draft = new ActionDraft(title.getValue(), owner.getValue(), due.getValue(), status.getValue(),
                    indicator.getValue());
            if (!draft.valid()) {
                problem.setText(getTranslation("actions.invalid"));
                return;
            }
            if (action == null) {
                long id = actions.add(room.id(), draft, auth.getPrincipalName().orElse("?"));
                audit.record("action-added", "room " + room.id() + " action " + id, draft.toString());
            } else {
                actions.update(action.id(), draft);
                audit.record("action-changed", "room " + room.id() + " action " + action.id(), draft.toString());
            }
            dialog.close();
            Notification.show(getTranslation("actions.saved"));
            refresh();
        });
        save.setId("action-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
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

    /** The room's filters as they travel in URLs: {@code ?kind=quarter&period=2026-09&direction=DSM&project=P-001}. */
    record RoomParams(ReportingPeriod.Kind kind, YearMonth month, String direction, String project) {

        static RoomParams of(QueryParameters query, YearMonth fallback) {
            Map<String, List<String>> p = query.getParameters();
            ReportingPeriod.Kind kind = first(p, "kind").flatMap(ReportingPeriod.Kind::parse).orElse(ReportingPeriod.Kind.MONTH);
            YearMonth month = first(p, "period").map(v -> {
                try {
                    return YearMonth.parse(v);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }).orElse(fallback);
            return new RoomParams(kind, month == null ? fallback : month, first(p, "direction").orElse(""),
                    first(p, "project").orElse(null));
        }

        static QueryParameters query(RoomFilters filters) {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("kind", filters.period().kind().code());
            q.put("period", filters.period().end().toString());
            if (filters.direction() != null) {
                q.put("direction", filters.direction());
            }
            if (filters.project() != null) {
                q.put("project", filters.project());
            }
            return QueryParameters.simple(q);
        }

        RoomFilters filters(SteeringRoom room) {
            String d = direction == null || direction.isEmpty() || (!room.directions().isEmpty() && !room.directions().contains(direction))
                    ? null : direction;
            return new RoomFilters(new ReportingPeriod(kind, month), d, project, null, RoomFilters.DEFAULT_MONTHS);
        }

        private static java.util.Optional<String> first(Map<String, List<String>> p, String name) {
            return p.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
        }
    }
}

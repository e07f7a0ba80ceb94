package org.pilotage.ui.rooms;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
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
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.dashboard.RoomQueries.MeasureRow;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.notes.NotesService;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.StatusRules;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ui.base.Formats;
import org.pilotage.ui.security.CurrentCaller;

/**
 * An indicator of a room, drilled down: its tile, its series per direction and per project, the
 * published rows behind it (sortable, filterable, with their file) and its comments.
 */
@Route("rooms/:id/indicators/:code")
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class IndicatorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int MAX_ROWS = 5_000;

    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final NotesService notes;
    private final Caller caller;
    private SteeringRoom room;
    private String code;
    private RoomFilters filters;
    private String title = "";

    public IndicatorView(RoomService rooms, RoomDashboardService dashboards, NotesService notes, CurrentCaller caller) {
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.notes = notes;
        this.caller = caller.get();
        addClassName("pilotage-indicator");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        room = event.getRouteParameters().get("id").flatMap(id -> rooms.find(caller, id)).orElse(null);
        code = event.getRouteParameters().get("code").orElse("");
        if (room == null || !room.indicators().contains(code)) {
            title = getTranslation("indicator.unknown");
            add(new H1(title), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        filters = rooms.filtersOrDefaults(room, RoomAddress.words(event.getLocation().getQueryParameters()));
        render();
    }

    private void render() {
        removeAll();
        Locale locale = getLocale();
        Formats f = new Formats(locale);
        IndicatorTile tile = dashboards.dashboard(room, filters).allTiles().stream()
                .filter(t -> t.indicator().code().equals(code)).findFirst().orElse(null);
        if (tile == null) { // followed by the room but no longer in the catalogue
            title = getTranslation("indicator.unknown");
            add(new H1(title), new RouterLink(getTranslation("rooms.back"), RoomsView.class));
            return;
        }
        title = tile.indicator().label(locale);
        RouterLink back = new RouterLink("← " + room.name(), RoomView.class, new RouteParameters("id", String.valueOf(room.id())));
        back.setQueryParameters(RoomAddress.query(filters));
        back.setId("back-to-room");
        H1 heading = new H1(title);
        Paragraph about = new Paragraph(getTranslation("indicator.about", tile.indicator().code(),
                getTranslation("level." + tile.indicator().level().code()), f.period(filters.period()),
                getTranslation(tile.indicator().betterUp() ? "indicator.better-up" : "indicator.better-down")));
        TileCard card = new TileCard(tile, locale, null);
        card.addClassName("tile-large");

        add(back, heading, about, card,
                section("indicator-directions", getTranslation("indicator.per-direction"),
                        image(dashboards.memberChartSvg(room, code, false, filters, locale), "directions")),
                section("indicator-projects", getTranslation("indicator.per-project"),
                        image(dashboards.memberChartSvg(room, code, true, filters, locale), "projects")));
        List<SteeringRoom> children = rooms.children(room);
        if (!children.isEmpty()) {
            add(section("indicator-child-rooms", getTranslation("indicator.per-child-room"),
                    image(dashboards.childRoomsChartSvg(room, children, code, filters, locale), "child-rooms")));
        }
        add(rowsSection(f), commentsSection(f));
        if (NotesService.maySetCommitments(caller)) {
            add(commitmentSection(f));
        }
    }

    /** Admins set the commitment level (niveau d'engagement) of the indicator from a month on. */
    private Section commitmentSection(Formats f) {
        var gaps = notes.commitments().gaps().getOrDefault(code, new TreeMap<>());
        UnorderedList history = new UnorderedList();
        history.setId("commitments");
        history.add(new ListItem(getTranslation("commitment.default", f.number(StatusRules.DEFAULT_GAP_PERCENT))));
        gaps.forEach((from, gap) -> history.add(new ListItem(getTranslation("commitment.from", f.month(from), f.number(gap)))));
        ComboBox<YearMonth> from = new ComboBox<>(getTranslation("commitment.valid-from"));
        from.setId("commitment-from");
        List<YearMonth> months = new ArrayList<>();
        for (int i = -12; i < 36; i++) {
            months.add(filters.period().end().minusMonths(i));
        }
        from.setItems(months);
        from.setItemLabelGenerator(f::month);
        from.setValue(filters.period().end());
        NumberField gap = new NumberField(getTranslation("commitment.gap"));
        gap.setId("commitment-gap");
        gap.setMin(0);
        gap.setMax(100);
        gap.setStep(0.5);
        gap.setValue(StatusRules.DEFAULT_GAP_PERCENT);
        gap.setSuffixComponent(new Span("%"));
        Button save = new Button(getTranslation("commitment.save"), e -> {
            try {
                notes.setCommitment(caller, code, from.getValue(), gap.getValue());
            } catch (Refusal refused) {
                gap.setInvalid(true);
                gap.setErrorMessage(refused.in(getLocale()));
                return;
            }
            Notification.show(getTranslation("commitment.saved"));
            render();
        });
        save.setId("commitment-save");
        HorizontalLayout form = new HorizontalLayout(from, gap, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return section("indicator-commitment", getTranslation("commitment.title"),
                new Paragraph(getTranslation("commitment.intro")), history, form);
    }

    private Image image(byte[] svg, String name) {
        Image image = new Image(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(svg),
                code + "-" + name + ".svg", "image/svg+xml", svg.length)).inline(), title + " — " + name);
        image.addClassNames("effect-chart", "chart-indicator-" + name);
        return image;
    }

    private static Section section(String id, String heading, com.vaadin.flow.component.Component... content) {
        Section s = new Section(new H2(heading));
        s.add(content);
        s.setId(id);
        s.addClassName("effect-section");
        return s;
    }

    private Section rowsSection(Formats f) {
        List<MeasureRow> rows = dashboards.rows(room, code, filters, MAX_ROWS);
        Grid<MeasureRow> grid = new Grid<>();
        grid.setId("indicator-rows");
        grid.addColumn(r -> f.month(r.period())).setHeader(getTranslation("rows.period")).setSortable(true)
                .setComparator(MeasureRow::period);
        grid.addColumn(MeasureRow::direction).setHeader(getTranslation("rows.direction")).setSortable(true);
        grid.addColumn(MeasureRow::project).setHeader(getTranslation("rows.project")).setSortable(true);
        grid.addColumn(r -> f.number(r.value())).setHeader(getTranslation("rows.value")).setSortable(true)
                .setComparator(MeasureRow::value);
        grid.addColumn(r -> r.target() == null ? "" : f.number(r.target())).setHeader(getTranslation("rows.target"))
                .setSortable(true).setComparator(r -> r.target() == null ? Double.NEGATIVE_INFINITY : r.target());
        grid.addColumn(r -> r.comment() == null ? "" : r.comment()).setHeader(getTranslation("rows.comment")).setFlexGrow(2);
        grid.addColumn(r -> getTranslation("format.ingestion-ref", r.ingestionId()) + (r.fileName() == null ? "" : " — " + r.fileName()))
                .setHeader(getTranslation("rows.source")).setFlexGrow(2).setSortable(true).setComparator(MeasureRow::ingestionId);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("26rem");
        var view = grid.setItems(rows);
        TextField filter = new TextField();
        filter.setId("rows-filter");
        filter.setPlaceholder(getTranslation("rows.filter"));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setWidth("22rem");
        filter.addValueChangeListener(e -> {
            String q = e.getValue().strip().toLowerCase(Locale.ROOT);
            view.setFilter(r -> q.isEmpty() || r.direction().toLowerCase(Locale.ROOT).contains(q)
                    || r.project().toLowerCase(Locale.ROOT).contains(q) || r.period().toString().contains(q)
                    || (r.comment() != null && r.comment().toLowerCase(Locale.ROOT).contains(q)));
        });
        Paragraph count = new Paragraph(getTranslation(rows.size() >= MAX_ROWS ? "rows.count-limited" : "rows.count", rows.size()));
        return section("indicator-rows-section", getTranslation("indicator.rows"), count, filter, grid);
    }

    private Section commentsSection(Formats f) {
        List<IndicatorComment> list = dashboards.comments(room, code, filters);
        UnorderedList items = new UnorderedList();
        items.setId("comments");
        for (IndicatorComment c : list) {
            ListItem item = new ListItem(f.month(c.period()) + " — " + c.text() + " (" + c.author() + ", " + f.date(c.createdAt()) + ")");
            item.addClassName("comment");
            items.add(item);
        }
        Section section = section("indicator-comments", getTranslation("comments.title"),
                list.isEmpty() ? new Paragraph(getTranslation("comments.none")) : items);
        if (NotesService.mayComment(caller)) {
            ComboBox<YearMonth> month = new ComboBox<>(getTranslation("comments.period"));
            month.setId("comment-period");
            List<YearMonth> months = new ArrayList<>();
            for (int i = 0; i < filters.months(); i++) {
                months.add(filters.period().end().minusMonths(i));
            }
            month.setItems(months);
            month.setItemLabelGenerator(f::month);
            month.setValue(filters.period().end());
            TextArea text = new TextArea(getTranslation("comments.text"));
            text.setId("comment-text");
            text.setMaxLength(CommentRepository.MAX_LENGTH);
            text.setPlaceholder(getTranslation("comments.placeholder"));
            text.setWidth("32rem");
            Button add = new Button(getTranslation("comments.add"), e -> {
                try {
                    notes.comment(caller, room, code, month.getValue(), text.getValue());
                } catch (Refusal refused) {
                    text.setInvalid(true);
                    text.setErrorMessage(refused.in(getLocale()));
                    return;
                }
                Notification.show(getTranslation("comments.added"));
                render();
            });
            add.setId("comment-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(month, text, add);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            section.add(new Div(form));
        }
        return section;
    }

    @Override
    public String getPageTitle() {
        return title + " — Pilotage";
    }

}

package org.pilotage.ui.admin;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.audit.AuditLog.Event;
import org.pilotage.analytics.audit.AuditService;
import org.pilotage.ui.security.CurrentCaller;

/** The audit log for admins: who did what, to what, when and from where; filtered, and exported as CSV. */
@Route("admin/audit")
@Menu(title = "nav.audit", order = 5)
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;

    private final AuditService audit;
    private final Caller caller;
    private final TextField user = new TextField();
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker since = new DatePicker();
    private final DatePicker until = new DatePicker();
    private final Grid<Event> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    public AuditView(AuditService audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller.get();
        addClassName("pilotage-audit");
        setWidthFull();
        user.setLabel(getTranslation("audit.user"));
        user.setId("audit-user");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setClearButtonVisible(true);
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        action.setItems(audit.actions(this.caller));
        action.setClearButtonVisible(true);
        since.setLabel(getTranslation("audit.since"));
        until.setLabel(getTranslation("audit.until"));
        since.setLocale(getLocale());
        until.setLocale(getLocale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", getLocale());
        grid.setId("audit-events");
        grid.addColumn(e -> time.format(e.at().atZone(ZONE))).setHeader(getTranslation("audit.col.at")).setAutoWidth(true);
        grid.addColumn(Event::username).setHeader(getTranslation("audit.col.user")).setAutoWidth(true);
        grid.addColumn(Event::action).setHeader(getTranslation("audit.col.action")).setAutoWidth(true);
        grid.addColumn(Event::target).setHeader(getTranslation("audit.col.target")).setFlexGrow(1);
        grid.addColumn(Event::detail).setHeader(getTranslation("audit.col.detail")).setFlexGrow(2);
        grid.addColumn(Event::remote).setHeader(getTranslation("audit.col.remote")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setHeight("36rem");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] csv = audit.csv(events(), getLocale());
            return new DownloadResponse(new ByteArrayInputStream(csv), "pilotage-journal-audit-" + LocalDate.now(ZONE) + ".csv",
                    "text/csv; charset=UTF-8", csv.length);
        }), AttachmentType.DOWNLOAD, getTranslation("audit.export"));
        export.setId("audit-export");
        HorizontalLayout filters = new HorizontalLayout(user, action, since, until, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H1(getTranslation("audit.title")), new Paragraph(getTranslation("audit.intro")), filters, count, grid);
        user.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        since.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());
        refresh();
    }

    private List<Event> events() {
        return audit.find(caller, user.getValue(), action.getValue(),
                since.getValue() == null ? null : since.getValue().atStartOfDay(ZONE).toInstant(),
                until.getValue() == null ? null : until.getValue().plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    private void refresh() {
        List<Event> events = events();
        grid.setItems(events);
        count.setText(getTranslation(events.size() >= AuditService.LIMIT ? "audit.count-limited" : "audit.count", events.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " — Pilotage";
    }
}

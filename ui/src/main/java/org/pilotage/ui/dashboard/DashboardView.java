package org.pilotage.ui.dashboard;

import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.reference.Establishment;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.ui.security.CurrentCaller;

/**
 * The effects of one establishment for a month: organisational, practitioner and clientele
 * sections, each with its indicators over the 12 months ending with the chosen month.
 */
@Route("effects")
@Menu(title = "nav.dashboard", order = 2)
@RolesAllowed({"MANAGER", "EXECUTIVE", "ADMIN"})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private final EffectDashboardService dashboard;
    private final ComboBox<Establishment> establishment = new ComboBox<>();
    private final ComboBox<YearMonth> period = new ComboBox<>();
    private final Div sections = new Div();

    public DashboardView(EffectDashboardService dashboard, ReferenceService reference, CurrentCaller caller) {
        this.dashboard = dashboard;
        addClassName("pilotage-dashboard");
        setWidthFull();

        establishment.setLabel(getTranslation("dashboard.establishment"));
        establishment.setId("establishment");
        establishment.setItemLabelGenerator(e -> e.name().equals(e.code()) ? e.code() : e.name() + " (" + e.code() + ")");
        establishment.setWidth("22rem");
        List<Establishment> establishments = reference.establishments(caller.get());
        establishment.setItems(establishments);

        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern("MMMM yyyy", getLocale());
        period.setLabel(getTranslation("dashboard.period"));
        period.setId("period");
        period.setItemLabelGenerator(monthFormat::format);
        period.setWidth("14rem");

        HorizontalLayout filters = new HorizontalLayout(establishment, period);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.addClassName("pilotage-filters");

        sections.setWidthFull();
        sections.addClassName("effect-sections");
        add(new H1(getTranslation("dashboard.title")), filters, sections);

        establishment.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                List<YearMonth> months = dashboard.periods(e.getValue().code());
                period.setItems(months);
                YearMonth keep = period.getValue();
                period.setValue(keep != null && months.contains(keep) ? keep : dashboard.lastCompleteMonth());
            }
        });
        period.addValueChangeListener(e -> refresh());

        if (establishments.isEmpty()) {
            sections.add(new Paragraph(getTranslation("dashboard.no-establishment")));
        } else {
            establishment.setValue(establishments.getFirst());
        }
    }

    private void refresh() {
        sections.removeAll();
        Establishment est = establishment.getValue();
        YearMonth month = period.getValue();
        if (est == null || month == null) {
            return;
        }
        Locale locale = getLocale();
        for (EffectLevel level : EffectLevel.values()) {
            Section section = new Section();
            section.addClassName("effect-section");
            section.setId("section-" + level.code());
            String title = getTranslation("level." + level.code());
            byte[] svg = dashboard.levelChartSvg(est.code(), month, level, locale);
            Image chart = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(svg), "effets-" + level.code() + "-" + est.code() + "-" + month + ".svg",
                    "image/svg+xml", svg.length)).inline(),
                    getTranslation("dashboard.chart-alt", title, est.code(), month.toString()));
            chart.addClassName("effect-chart");
            section.add(new H2(title), new Paragraph(getTranslation("dashboard.window", EffectDashboardService.WINDOW_MONTHS)), chart);
            sections.add(section);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.page-title");
    }
}

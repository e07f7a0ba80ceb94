package org.pilotage.ui.ingestion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.pilotage.analytics.access.Caller;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;

/** The ingestions a steward may see, newest first, with their reject report, restart and stop. */
class HistoryGrid extends Grid<Ingestion> {

    static final int SHOWN = 50;

    private final IngestionService ingestion;
    private final Caller caller;

    /**
     * @param restart called with the id of an ingestion to run again
     * @param stop    called with the id of an ingestion to stop
     */
    HistoryGrid(IngestionService ingestion, Caller caller, Locale locale, LongConsumer restart, LongConsumer stop) {
        this.ingestion = ingestion;
        this.caller = caller;
        setId("history");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        NumberFormat n = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", locale).withZone(ZoneId.systemDefault());
        addColumn(Ingestion::id).setHeader(getTranslation("ingestion.col.id")).setAutoWidth(true).setFlexGrow(0);
        addColumn(Ingestion::fileName).setHeader(getTranslation("ingestion.col.file")).setAutoWidth(true);
        addColumn(i -> i.kind() == null ? "—" : getTranslation("ingestion.kind." + i.kind())).setHeader(getTranslation("ingestion.col.kind")).setAutoWidth(true);
        addColumn(Ingestion::startedBy).setHeader(getTranslation("ingestion.col.user")).setAutoWidth(true);
        addColumn(i -> i.startedAt() == null ? "" : when.format(i.startedAt())).setHeader(getTranslation("ingestion.col.started")).setAutoWidth(true);
        addColumn(i -> i.startedAt() == null || i.endedAt() == null ? "" : seconds(Duration.between(i.startedAt(), i.endedAt())))
                .setHeader(getTranslation("ingestion.col.duration")).setAutoWidth(true);
        addColumn(i -> n.format(i.rowsRead())).setHeader(getTranslation("ingestion.col.read")).setAutoWidth(true);
        addColumn(i -> n.format(i.rowsWritten())).setHeader(getTranslation("ingestion.col.written")).setAutoWidth(true);
        addColumn(i -> n.format(i.rowsRejected())).setHeader(getTranslation("ingestion.col.rejected")).setAutoWidth(true);
        addComponentColumn(this::status).setHeader(getTranslation("ingestion.col.status")).setAutoWidth(true);
        addColumn(i -> i.sentence() == null ? "" : i.sentence().in(locale)).setHeader(getTranslation("ingestion.col.message")).setFlexGrow(1);
        addComponentColumn(i -> actions(i, restart, stop)).setHeader(getTranslation("ingestion.col.actions")).setAutoWidth(true);
        setAllRowsVisible(true);
    }

    void refresh() {
        setItems(ingestion.recent(caller, SHOWN));
    }

    private Span status(Ingestion i) {
        String symbol = switch (i.status()) {
            case COMPLETED -> "✔";
            case FAILED -> "✖";
            case STOPPED -> "■";
            case DUPLICATE -> "≡";
            case RUNNING -> "▶";
            case QUEUED -> "…";
        };
        Span s = new Span(symbol + " " + getTranslation("ingestion.status." + i.status().name()));
        s.getElement().getThemeList().add("badge");
        s.addClassName("status-" + i.status().name().toLowerCase(Locale.ROOT));
        if (i.status() == IngestionStatus.COMPLETED) {
            s.getElement().getThemeList().add("success");
        } else if (i.status() == IngestionStatus.FAILED) {
            s.getElement().getThemeList().add("error");
        }
        return s;
    }

    private HorizontalLayout actions(Ingestion i, LongConsumer restart, LongConsumer stop) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (i.rowsRejected() > 0) {
            Anchor report = new Anchor(DownloadHandler.fromInputStream(e -> {
                Caller who = caller.at(e.getRequest().getRemoteAddr());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ingestion.writeRejects(who, i.id(), getLocale(), out);
                byte[] bytes = out.toByteArray();
                return new DownloadResponse(new ByteArrayInputStream(bytes), ingestion.rejectsFileName(who, i.id(), getLocale()),
                        "text/csv; charset=UTF-8", bytes.length);
            }), getTranslation("ingestion.rejects"));
            report.addClassName("rejects-link");
            actions.add(report);
        }
        if (i.restartable()) {
            Button b = new Button(getTranslation("ingestion.restart"), e -> restart.accept(i.id()));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(b);
        }
        if (!i.ended()) {
            Button b = new Button(getTranslation("ingestion.stop"), e -> stop.accept(i.id()));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(b);
        }
        return actions;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0).replace('.', ',');
    }
}

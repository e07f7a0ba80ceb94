package org.pilotage.ui.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.report.RejectReport;
import org.pilotage.ingestion.stage.Preview;

/**
 * The data steward's screen: upload files, check the preview (kind, encoding, delimiter, first rows
 * and column mapping), launch, follow the live progress, and work the history (reject reports,
 * restart, stop).
 */
@Route("ingestion")
@RolesAllowed({"STEWARD", "ADMIN"})
public class IngestionView extends VerticalLayout implements HasDynamicTitle {

    private static final int PREVIEW_ROWS = 8;

    private final IngestionService ingestion;
    private final org.pilotage.ui.security.AuditTrail audit;
    private final org.pilotage.ui.security.EstablishmentScope.Scope scope;
    private final IngestionProgress progress;
    private final IngestionEvents events;
    private final RejectReport rejectReport;
    private final String user;
    private final ComboBox<String> kind = new ComboBox<>();
    private final Div pending = new Div();
    private final Div running = new Div();
    private final Map<Long, ProgressCard> progressCards = new LinkedHashMap<>();
    private final Grid<Ingestion> history = new Grid<>();
    private final List<Runnable> subscriptions = new ArrayList<>();
    private final Locale locale;

    public IngestionView(IngestionService ingestion, IngestionProgress progress, IngestionEvents events, RejectReport rejectReport,
                         IngestionProperties properties, DuckDbStore store, AuthenticationContext auth,
                         org.pilotage.ui.security.AuditTrail audit, org.pilotage.ui.security.EstablishmentScope scopes) {
        this.audit = audit;
        this.scope = scopes.current();
        this.ingestion = ingestion;
        this.progress = progress;
        this.events = events;
        this.rejectReport = rejectReport;
        this.user = auth.getPrincipalName().orElse("?");
        this.locale = getLocale();
        addClassName("pilotage-ingestion");
        setWidthFull();

        kind.setLabel(getTranslation("ingestion.kind"));
        kind.setId("kind");
        kind.setItems("auto", FileKind.INDICATOR_MEASURES.code(), FileKind.PROJECT_COUNTS.code(), FileKind.INDICATOR_CATALOGUE.code());
        kind.setItemLabelGenerator(k -> getTranslation("ingestion.kind." + k));
        kind.setValue("auto");
        kind.setWidth("20rem");

        long max = properties.maxFileSize().toBytes();
        Upload upload = new Upload(new StewardUploadHandler(store.dataDir().resolve("work"), max,
                this::received, name -> error(getTranslation("ingestion.too-large", name, properties.maxFileSize().toMegabytes() + " Mo"))));
        upload.setId("upload");
        upload.setMaxFiles(10);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", ".xlsx", ".parquet", ".arrow", ".arrows", ".feather", ".ipc");
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.setI18n(uploadTexts());

        pending.addClassName("ingestion-pending");
        running.addClassName("ingestion-running");
        running.setId("running");
        configureHistory();

        add(new H1(getTranslation("ingestion.title")), new Paragraph(getTranslation("ingestion.intro")), kind, upload, pending,
                new H2(getTranslation("ingestion.progress.title")), running, new H2(getTranslation("ingestion.history")), history);
        refreshHistory();
    }

    private UploadI18N uploadTexts() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("ingestion.upload.drop-one"))
                .setMany(getTranslation("ingestion.upload.drop-many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("ingestion.upload.add-one"))
                .setMany(getTranslation("ingestion.upload.add-many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(getTranslation("ingestion.upload.too-many"))
                .setFileIsTooBig(getTranslation("ingestion.upload.too-big"))
                .setIncorrectFileType(getTranslation("ingestion.upload.wrong-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(getTranslation("ingestion.upload.connecting"))
                        .setStalled(getTranslation("ingestion.upload.stalled")).setProcessing(getTranslation("ingestion.upload.processing"))
                        .setHeld(getTranslation("ingestion.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(getTranslation("ingestion.upload.remaining"))
                        .setUnknown(getTranslation("ingestion.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(getTranslation("ingestion.upload.server-unavailable"))
                        .setUnexpectedServerError(getTranslation("ingestion.upload.server-error"))
                        .setForbidden(getTranslation("ingestion.upload.forbidden"))));
        i18n.setUnits(new UploadI18N.Units(List.of("o", "Ko", "Mo", "Go", "To", "Po", "Eo", "Zo", "Yo")));
        return i18n;
    }

    private void received(String fileName, Path file) {
        FileKind declared = "auto".equals(kind.getValue()) || kind.getValue() == null ? null : FileKind.ofCode(kind.getValue()).orElse(null);
        VerticalLayout card = new VerticalLayout();
        card.addClassName("ingestion-preview");
        card.add(new H3(getTranslation("ingestion.preview.title", fileName)));
        try {
            Preview preview = ingestion.preview(file, fileName, declared, PREVIEW_ROWS);
            var f = preview.file();
            card.add(new Paragraph(getTranslation("ingestion.preview.facts", f.format().code().toUpperCase(Locale.ROOT),
                    getTranslation("ingestion.kind." + f.kind().code()), f.encoding() == null ? "—" : f.encoding(),
                    f.delimiter() == null ? "—" : f.delimiter())));
            Grid<List<String>> rows = new Grid<>();
            rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            for (int i = 0; i < f.columns().size(); i++) {
                int index = i;
                String target = f.columns().get(i).startsWith("extra_") ? getTranslation("ingestion.preview.unknown-column") : f.columns().get(i);
                rows.addColumn(r -> index < r.size() ? r.get(index) : "")
                        .setHeader(getTranslation("ingestion.preview.column", f.header().get(i), target))
                        .setAutoWidth(true);
            }
            rows.setItems(preview.rows());
            rows.setAllRowsVisible(true);
            FileKind chosen = f.kind();
            Button launch = new Button(getTranslation("ingestion.launch"));
            launch.addClassName("ingestion-launch");
            launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            launch.addClickListener(e -> {
                pending.remove(card);
                launch(file, fileName, chosen);
            });
            Button remove = new Button(getTranslation("ingestion.remove"), e -> {
                pending.remove(card);
                deleteQuietly(file);
            });
            card.add(rows, new HorizontalLayout(launch, remove));
        } catch (UnreadableFileException e) {
            card.add(new Paragraph(getTranslation("ingestion.unreadable", fileName, e.sentence().in(getLocale()))));
            card.add(new Button(getTranslation("ingestion.remove"), ev -> pending.remove(card)));
            deleteQuietly(file);
        } catch (Refusal e) {
            card.add(new Paragraph(e.sentence().in(getLocale())));
            card.add(new Button(getTranslation("ingestion.remove"), ev -> pending.remove(card)));
            deleteQuietly(file);
        }
        pending.add(card);
    }

    private void launch(Path file, String fileName, FileKind chosen) {
        try {
            // the received file is moved into the uploads, not copied again
            Ingestion i = ingestion.submit(file, fileName, chosen, user, scope.establishments());
            audit.record("ingestion-launched", "ingestion " + i.id(), i.fileName() + " · " + i.status());
            if (i.ended()) {
                Notification n = Notification.show(message(i), 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(i.status() == IngestionStatus.DUPLICATE ? NotificationVariant.LUMO_CONTRAST : NotificationVariant.LUMO_ERROR);
            } else {
                progressCard(i.id(), fileName).update(progress.snapshot(i.id()).orElse(null));
            }
        } catch (Refusal e) {
            error(e.sentence().in(getLocale()));
        } finally {
            deleteQuietly(file);
        }
        refreshHistory();
    }

    private String message(Ingestion i) {
        return i.sentence() == null ? "" : i.sentence().in(getLocale());
    }

    private ProgressCard progressCard(long id, String fileName) {
        return progressCards.computeIfAbsent(id, k -> {
            ProgressCard card = new ProgressCard(id, fileName);
            running.add(card);
            return card;
        });
    }

    /** One running ingestion: bar, rows read, rows/s, time left, stop. */
    private final class ProgressCard extends VerticalLayout {
        private final ProgressBar bar = new ProgressBar(0, 1, 0);
        private final Span text = new Span();
        private final Span phase = new Span();
        private final Button stop;

        ProgressCard(long id, String fileName) {
            addClassName("ingestion-progress");
            setId("progress-" + id);
            setPadding(false);
            stop = new Button(getTranslation("ingestion.stop"), e -> {
                try {
                    ingestion.stop(id);
                    audit.record("ingestion-stopped", "ingestion " + id, null);
                } catch (Refusal ex) {
                    error(ex.sentence().in(getLocale()));
                }
            });
            stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            text.addClassName("ingestion-progress-text");
            add(new HorizontalLayout(new Span("n° " + id + " — " + fileName), phase, stop), bar, text);
        }

        /** The load has ended: the card keeps its outcome until the page is left. */
        void finish(Ingestion ended) {
            bar.setValue(1);
            phase.setText(getTranslation("ingestion.status." + ended.status().name()));
            text.setText(message(ended));
            stop.setVisible(false);
            addClassName("ended");
        }

        void update(IngestionProgress.Snapshot s) {
            if (s == null) {
                return;
            }
            bar.setValue(Math.clamp(s.fraction(), 0, 1));
            phase.setText(getTranslation("ingestion.phase." + s.phase().name()));
            NumberFormat n = NumberFormat.getIntegerInstance(locale);
            String left = s.secondsLeft() == null ? getTranslation("ingestion.progress.unknown")
                    : getTranslation("ingestion.progress.left", s.secondsLeft());
            text.setText(getTranslation("ingestion.progress.text", n.format(s.rowsRead()), n.format(Math.round(s.rowsPerSecond())), left));
        }
    }

    private void configureHistory() {
        history.setId("history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        NumberFormat n = NumberFormat.getIntegerInstance(locale);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", locale).withZone(ZoneId.systemDefault());
        history.addColumn(Ingestion::id).setHeader(getTranslation("ingestion.col.id")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(Ingestion::fileName).setHeader(getTranslation("ingestion.col.file")).setAutoWidth(true);
        history.addColumn(i -> i.kind() == null ? "—" : getTranslation("ingestion.kind." + i.kind())).setHeader(getTranslation("ingestion.col.kind")).setAutoWidth(true);
        history.addColumn(Ingestion::startedBy).setHeader(getTranslation("ingestion.col.user")).setAutoWidth(true);
        history.addColumn(i -> i.startedAt() == null ? "" : when.format(i.startedAt())).setHeader(getTranslation("ingestion.col.started")).setAutoWidth(true);
        history.addColumn(i -> i.startedAt() == null || i.endedAt() == null ? "" : seconds(Duration.between(i.startedAt(), i.endedAt())))
                .setHeader(getTranslation("ingestion.col.duration")).setAutoWidth(true);
        history.addColumn(i -> n.format(i.rowsRead())).setHeader(getTranslation("ingestion.col.read")).setAutoWidth(true);
        history.addColumn(i -> n.format(i.rowsWritten())).setHeader(getTranslation("ingestion.col.written")).setAutoWidth(true);
        history.addColumn(i -> n.format(i.rowsRejected())).setHeader(getTranslation("ingestion.col.rejected")).setAutoWidth(true);
        history.addComponentColumn(this::status).setHeader(getTranslation("ingestion.col.status")).setAutoWidth(true);
        history.addColumn(this::message).setHeader(getTranslation("ingestion.col.message")).setFlexGrow(1);
        history.addComponentColumn(this::actions).setHeader(getTranslation("ingestion.col.actions")).setAutoWidth(true);
        history.setAllRowsVisible(true);
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

    private HorizontalLayout actions(Ingestion i) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (i.rowsRejected() > 0) {
            Anchor report = new Anchor(DownloadHandler.fromInputStream(e -> {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                rejectReport.write(i, getLocale(), out);
                byte[] bytes = out.toByteArray();
                return new com.vaadin.flow.server.streams.DownloadResponse(new java.io.ByteArrayInputStream(bytes),
                        rejectReport.fileName(i, getLocale()), "text/csv; charset=UTF-8", bytes.length);
            }), getTranslation("ingestion.rejects"));
            report.addClassName("rejects-link");
            actions.add(report);
        }
        if (i.restartable()) {
            Button restart = new Button(getTranslation("ingestion.restart"), e -> {
                try {
                    Ingestion r = ingestion.restart(i.id());
                    audit.record("ingestion-restarted", "ingestion " + i.id(), i.fileName());
                    progressCard(r.id(), r.fileName());
                } catch (Refusal ex) {
                    error(ex.sentence().in(getLocale()));
                }
                refreshHistory();
            });
            restart.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(restart);
        }
        if (!i.ended()) {
            Button stop = new Button(getTranslation("ingestion.stop"), e -> {
                try {
                    ingestion.stop(i.id());
                    audit.record("ingestion-stopped", "ingestion " + i.id(), i.fileName());
                } catch (Refusal ex) {
                    error(ex.sentence().in(getLocale()));
                }
                refreshHistory();
            });
            stop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(stop);
        }
        return actions;
    }

    private void refreshHistory() {
        // A steward limited to some establishments sees the ingestions they launched.
        history.setItems(ingestion.recent(50).stream().filter(i -> scope.all() || user.equals(i.startedBy())).toList());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        subscriptions.add(progress.subscribe(s -> ui.access(() -> {
            ProgressCard card = progressCards.get(s.ingestionId());
            if (card != null) {
                card.update(s);
            }
        })));
        subscriptions.add(events.subscribe(ended -> ui.access(() -> {
            ProgressCard card = progressCards.remove(ended.id());
            if (card != null) {
                card.finish(ended);
            }
            refreshHistory();
        })));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        subscriptions.forEach(Runnable::run);
        subscriptions.clear();
    }

    private void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0).replace('.', ',');
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover upload in work/ is harmless
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ingestion.page-title");
    }
}

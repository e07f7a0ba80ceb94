package org.pilotage.ui.ingestion;

import java.nio.file.Path;
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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.IngestionService;
import org.pilotage.ingestion.Uploads;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.stage.Preview;
import org.pilotage.ui.security.CurrentCaller;

/**
 * The data steward's screen: upload files, check the preview (kind, encoding, delimiter, first rows
 * and column mapping), launch, follow the live progress, and work the history (reject reports,
 * restart, stop).
 */
@Route("ingestion")
@Menu(title = "nav.ingestion", order = 3)
@RolesAllowed({"STEWARD", "ADMIN"})
public class IngestionView extends VerticalLayout implements HasDynamicTitle {

    private static final int PREVIEW_ROWS = 8;

    private final IngestionService ingestion;
    private final IngestionProgress progress;
    private final IngestionEvents events;
    private final Caller caller;
    private final ComboBox<String> kind = new ComboBox<>();
    private final Div pending = new Div();
    private final Div running = new Div();
    private final Map<Long, ProgressCard> progressCards = new LinkedHashMap<>();
    private final HistoryGrid history;
    private final List<Runnable> subscriptions = new ArrayList<>();

    public IngestionView(IngestionService ingestion, IngestionProgress progress, IngestionEvents events,
                         IngestionProperties properties, CurrentCaller caller) {
        this.ingestion = ingestion;
        this.progress = progress;
        this.events = events;
        this.caller = caller.get();
        addClassName("pilotage-ingestion");
        setWidthFull();

        kind.setLabel(getTranslation("ingestion.kind"));
        kind.setId("kind");
        kind.setItems("auto", FileKind.INDICATOR_MEASURES.code(), FileKind.PROJECT_COUNTS.code(), FileKind.INDICATOR_CATALOGUE.code());
        kind.setItemLabelGenerator(k -> getTranslation("ingestion.kind." + k));
        kind.setValue("auto");
        kind.setWidth("20rem");

        long max = properties.maxFileSize().toBytes();
        Upload upload = new Upload(new StewardUploadHandler(max, ingestion::receive, this::received,
                (name, refusal) -> error(refusal.reason() == Refusal.Reason.TOO_LARGE
                        ? getTranslation("ingestion.too-large", name, properties.maxFileSize().toMegabytes() + " Mo")
                        : refusal.sentence().in(getLocale()))));
        upload.setId("upload");
        upload.setMaxFiles(10);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, max));
        upload.setAcceptedFileTypes(".csv", ".txt", ".tsv", ".xlsx", ".parquet", ".arrow", ".arrows", ".feather", ".ipc");
        upload.addFileRejectedListener(e -> error(e.getErrorMessage()));
        upload.setI18n(uploadTexts());

        pending.addClassName("ingestion-pending");
        running.addClassName("ingestion-running");
        running.setId("running");
        history = new HistoryGrid(ingestion, this.caller, getLocale(), this::restart, this::stop);

        add(new H1(getTranslation("ingestion.title")), new Paragraph(getTranslation("ingestion.intro")), kind, upload, pending,
                new H2(getTranslation("ingestion.progress.title")), running, new H2(getTranslation("ingestion.history")), history);
        history.refresh();
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

    private void received(String fileName, Uploads.Stored stored) {
        Path file = stored.path();
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
                launch(stored, fileName, chosen);
            });
            Button remove = new Button(getTranslation("ingestion.remove"), e -> {
                pending.remove(card);
                ingestion.discard(stored);
            });
            card.add(rows, new HorizontalLayout(launch, remove));
        } catch (UnreadableFileException e) {
            card.add(new Paragraph(getTranslation("ingestion.unreadable", fileName, e.sentence().in(getLocale()))));
            card.add(new Button(getTranslation("ingestion.remove"), ev -> pending.remove(card)));
            ingestion.discard(stored);
        } catch (Refusal e) {
            card.add(new Paragraph(e.sentence().in(getLocale())));
            card.add(new Button(getTranslation("ingestion.remove"), ev -> pending.remove(card)));
            ingestion.discard(stored);
        }
        pending.add(card);
    }

    private void launch(Uploads.Stored stored, String fileName, FileKind chosen) {
        try {
            // the received file is loaded as it was kept, not copied nor read again (a refusal removes it)
            Ingestion i = ingestion.submit(caller, stored, fileName, chosen);
            if (i.ended()) {
                Notification n = Notification.show(message(i), 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(i.status() == IngestionStatus.DUPLICATE ? NotificationVariant.LUMO_CONTRAST : NotificationVariant.LUMO_ERROR);
            } else {
                progressCard(i.id(), fileName).update(progress.snapshot(i.id()).orElse(null));
            }
        } catch (Refusal e) {
            error(e.sentence().in(getLocale()));
        }
        history.refresh();
    }

    private void restart(long id) {
        try {
            Ingestion r = ingestion.restart(caller, id);
            progressCard(r.id(), r.fileName());
        } catch (Refusal e) {
            error(e.sentence().in(getLocale()));
        }
        history.refresh();
    }

    private void stop(long id) {
        try {
            ingestion.stop(caller, id);
        } catch (Refusal e) {
            error(e.sentence().in(getLocale()));
        }
        history.refresh();
    }

    private String message(Ingestion i) {
        return i.sentence() == null ? "" : i.sentence().in(getLocale());
    }

    private ProgressCard progressCard(long id, String fileName) {
        return progressCards.computeIfAbsent(id, k -> {
            ProgressCard card = new ProgressCard(id, fileName, this::stop);
            running.add(card);
            return card;
        });
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
            history.refresh();
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

    @Override
    public String getPageTitle() {
        return getTranslation("ingestion.page-title");
    }
}

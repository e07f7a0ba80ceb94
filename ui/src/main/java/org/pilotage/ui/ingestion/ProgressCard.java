package org.pilotage.ui.ingestion;

import java.text.NumberFormat;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.progress.IngestionProgress;

/** One running ingestion: bar, rows read, rows/s, time left, stop; once ended, its outcome until the page is left. */
class ProgressCard extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar(0, 1, 0);
    private final Span text = new Span();
    private final Span phase = new Span();
    private final Button stop;

    ProgressCard(long id, String fileName, LongConsumer stopper) {
        addClassName("ingestion-progress");
        setId("progress-" + id);
        setPadding(false);
        stop = new Button(getTranslation("ingestion.stop"), e -> stopper.accept(id));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        text.addClassName("ingestion-progress-text");
        add(new HorizontalLayout(new Span(getTranslation("format.ingestion-ref", id) + " — " + fileName), phase, stop), bar, text);
    }

    void finish(Ingestion ended) {
        bar.setValue(1);
        phase.setText(getTranslation("ingestion.status." + ended.status().name()));
        text.setText(ended.sentence() == null ? "" : ended.sentence().in(getLocale()));
        stop.setVisible(false);
        addClassName("ended");
    }

    void update(IngestionProgress.Snapshot s) {
        if (s == null) {
            return;
        }
        bar.setValue(Math.clamp(s.fraction(), 0, 1));
        phase.setText(getTranslation("ingestion.phase." + s.phase().name()));
        NumberFormat n = NumberFormat.getIntegerInstance(getLocale());
        String left = s.secondsLeft() == null ? getTranslation("ingestion.progress.unknown")
                : getTranslation("ingestion.progress.left", s.secondsLeft());
        text.setText(getTranslation("ingestion.progress.text", n.format(s.rowsRead()), n.format(Math.round(s.rowsPerSecond())), left));
    }
}

package org.pilotage.ingestion.progress;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.pilotage.ingestion.log.Ingestion;

/** Tells whoever listens (history grids, wall screens) that an ingestion ended, whatever its outcome. */
public class IngestionEvents {

    private final CopyOnWriteArrayList<Consumer<Ingestion>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<Ingestion> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void ended(Ingestion ingestion) {
        for (Consumer<Ingestion> l : listeners) {
            try {
                l.accept(ingestion);
            } catch (RuntimeException ignored) {
                // one listener's failure must not reach the job
            }
        }
    }
}

package org.pilotage.ingestion.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live progress of the ingestions under way, for the steward's progress bar: phase, share done,
 * rows read, rows per second and time left. Listeners are told of every change (the UI pushes it).
 */
public class IngestionProgress {

    public enum Phase { QUEUED, STAGING, CHECKING, PUBLISHING, ENDED }

    /**
     * @param fraction    0 to 1 over the whole load
     * @param secondsLeft estimated, null while unknown
     */
    public record Snapshot(long ingestionId, Phase phase, double fraction, long rowsRead, double rowsPerSecond,
                           Long secondsLeft, Instant startedAt) {
    }

    private static final class State {
        volatile Phase phase = Phase.QUEUED;
        volatile double fraction;
        volatile long rowsRead;
        volatile long estimatedRows;
        volatile Instant startedAt = Instant.now();
        volatile Runnable cancel;
        volatile boolean stopRequested;
        volatile org.pilotage.analytics.text.Sentence unreadable;
    }

    private final Map<Long, State> states = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private final CopyOnWriteArrayList<Consumer<Snapshot>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<Snapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void queued(long id) {
        states.computeIfAbsent(id, k -> new State());
        publish(id);
    }

    public void started(long id, long estimatedRows) {
        State s = states.computeIfAbsent(id, k -> new State());
        s.startedAt = Instant.now();
        s.estimatedRows = estimatedRows;
        s.phase = Phase.STAGING;
        s.fraction = 0;
        s.rowsRead = 0;
        publish(id);
    }

    /** Staging reports the share of the file read; it counts for 70 % of a load, checking 15 %, publishing 15 %. */
    public void staging(long id, double shareOfFile) {
        State s = states.get(id);
        if (s == null) {
            return;
        }
        s.fraction = 0.7 * Math.clamp(shareOfFile, 0, 1);
        s.rowsRead = Math.round(s.estimatedRows * Math.clamp(shareOfFile, 0, 1));
        publish(id);
    }

    public void phase(long id, Phase phase, long rowsRead) {
        State s = states.get(id);
        if (s == null) {
            return;
        }
        s.phase = phase;
        s.rowsRead = rowsRead;
        s.fraction = switch (phase) {
            case QUEUED, STAGING -> s.fraction;
            case CHECKING -> 0.7;
            case PUBLISHING -> 0.85;
            case ENDED -> 1.0;
        };
        publish(id);
    }

    public void ended(long id) {
        State s = states.get(id);
        if (s != null) {
            s.phase = Phase.ENDED;
            s.fraction = 1;
            publish(id);
            states.remove(id);
        }
    }

    /** The statement to cancel when a stop is asked; null once it has ended. */
    public void cancelWith(long id, Runnable cancel) {
        State s = states.get(id);
        if (s != null) {
            s.cancel = cancel;
        }
    }

    /** @return true when the ingestion was under way here and is now asked to stop */
    public boolean requestStop(long id) {
        State s = states.get(id);
        if (s == null) {
            return false;
        }
        s.stopRequested = true;
        Runnable cancel = s.cancel;
        if (cancel != null) {
            cancel.run();
        }
        return true;
    }

    /** A step found that the file cannot be read: its sentence, for the ingestion's end. */
    public void unreadable(long id, org.pilotage.analytics.text.Sentence sentence) {
        State s = states.get(id);
        if (s != null) {
            s.unreadable = sentence;
        }
    }

    public org.pilotage.analytics.text.Sentence unreadable(long id) {
        State s = states.get(id);
        return s == null ? null : s.unreadable;
    }

    /** The service is stopping: every ingestion under way is asked to stop, and is resumed at the next start. */
    public void shutdown() {
        shuttingDown = true;
        states.keySet().forEach(this::requestStop);
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    public boolean stopRequested(long id) {
        State s = states.get(id);
        return s != null && s.stopRequested;
    }

    public Optional<Snapshot> snapshot(long id) {
        State s = states.get(id);
        return s == null ? Optional.empty() : Optional.of(snapshot(id, s));
    }

    private Snapshot snapshot(long id, State s) {
        double seconds = Math.max(0.001, Duration.between(s.startedAt, Instant.now()).toNanos() / 1e9);
        double rate = s.phase == Phase.QUEUED ? 0 : s.rowsRead / seconds;
        Long left = s.fraction > 0.02 && s.phase != Phase.ENDED
                ? Math.round(seconds * (1 - s.fraction) / s.fraction) : null;
        return new Snapshot(id, s.phase, s.fraction, s.rowsRead, rate, left, s.startedAt);
    }

    private void publish(long id) {
        State s = states.get(id);
        if (s == null) {
            return;
        }
        Snapshot snapshot = snapshot(id, s);
        for (Consumer<Snapshot> l : listeners) {
            try {
                l.accept(snapshot);
            } catch (RuntimeException ignored) {
                // a closed browser tab must not stop a load
            }
        }
    }
}

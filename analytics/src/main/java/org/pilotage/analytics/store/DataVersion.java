package org.pilotage.analytics.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that changes whenever what dashboards show may have changed: a publication, a comment,
 * a room or a commitment level. Cached results are keyed by it, so a change invalidates them all.
 */
public final class DataVersion {

    private final AtomicLong version = new AtomicLong(1);

    public long current() {
        return version.get();
    }

    public long changed() {
        return version.incrementAndGet();
    }
}

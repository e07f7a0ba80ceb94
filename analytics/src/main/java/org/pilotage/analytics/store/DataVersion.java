package org.pilotage.analytics.store;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers that change whenever what dashboards show may have changed. A comment, a room, an action, a
 * commitment level or a catalogue moves the global number, which invalidates every cached result; a
 * publication of rows moves only the numbers of the establishments it wrote, so that the rooms of the
 * others keep their cache (and their viewers their images) through it.
 */
public final class DataVersion {

    private final AtomicLong version = new AtomicLong(1);
    private final ConcurrentHashMap<String, AtomicLong> establishments = new ConcurrentHashMap<>();

    /** The global number. */
    public long current() {
        return version.get();
    }

    /** The number of what an establishment's rooms show: it moves with the global one and with the establishment's own. */
    public long current(String establishment) {
        return version.get() + local(establishment);
    }

    /** The establishment's own number: how many publications wrote its rows. */
    public long local(String establishment) {
        AtomicLong n = establishments.get(establishment);
        return n == null ? 0 : n.get();
    }

    /** Everything may have changed. */
    public long changed() {
        return version.incrementAndGet();
    }

    /** Rows of these establishments changed, nothing else. */
    public void changed(Collection<String> written) {
        for (String establishment : written) {
            establishments.computeIfAbsent(establishment, k -> new AtomicLong()).incrementAndGet();
        }
    }
}

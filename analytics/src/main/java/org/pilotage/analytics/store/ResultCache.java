package org.pilotage.analytics.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Results computed once per key and data version: concurrent viewers of the same room wait for one
 * computation. A new data version empties the cache; a full cache is emptied too (keys hold filters
 * that users choose, so it stays bounded).
 */
public final class ResultCache {

    private final ConcurrentHashMap<Object, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();
    private final LongSupplier version;
    private final int maxEntries;
    private volatile long cachedVersion;

    public ResultCache(LongSupplier version, int maxEntries) {
        this.version = version;
        this.maxEntries = maxEntries;
        this.cachedVersion = version.getAsLong();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        long v = version.getAsLong();
        if (v < cachedVersion) {
            return compute.get(); // a reader that saw the version just before a change: computes, keeps nothing
        }
        if (v > cachedVersion || entries.size() >= maxEntries) {
            synchronized (this) {
                if (v > cachedVersion || entries.size() >= maxEntries) {
                    entries.clear();
                    cachedVersion = Math.max(v, cachedVersion);
                }
            }
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = entries.putIfAbsent(new VersionedKey(v, key), mine);
        if (existing == null) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                entries.remove(new VersionedKey(v, key), mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return (T) mine.join();
        }
        try {
            return (T) existing.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public void clear() {
        entries.clear();
    }

    private record VersionedKey(long version, Object key) {
    }
}

package org.pilotage.analytics.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Results computed once per key and data version: concurrent viewers of the same room wait for one
 * computation. A new global version empties the cache; a new version of one establishment drops that
 * establishment's results only (those asked for with its name); a full cache is emptied too (keys hold
 * filters that users choose, so it stays bounded).
 */
public final class ResultCache {

    private final ConcurrentHashMap<VersionedKey, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final DataVersion versions;
    private final int maxEntries;
    private volatile long cachedVersion;

    public ResultCache(DataVersion versions, int maxEntries) {
        this.versions = versions;
        this.maxEntries = maxEntries;
        this.cachedVersion = versions.current();
    }

    /** A result that depends on anything (the catalogue, every establishment). */
    public <T> T get(Object key, Supplier<T> compute) {
        return get(null, key, compute);
    }

    /** A result that depends on the data of one establishment ({@code scope}) and on what the global version covers. */
    @SuppressWarnings("unchecked")
    public <T> T get(String scope, Object key, Supplier<T> compute) {
        long v = versions.current();
        if (v < cachedVersion) {
            return compute.get(); // a reader that saw the version just before a change: computes, keeps nothing
        }
        if (v > cachedVersion || entries.size() >= maxEntries) {
            synchronized (this) {
                if (v > cachedVersion || entries.size() >= maxEntries) {
                    entries.clear();
                    seen.clear();
                    cachedVersion = Math.max(v, cachedVersion);
                }
            }
        }
        long local = scope == null ? 0 : versions.local(scope);
        if (scope != null) {
            Long last = seen.get(scope);
            if (last != null && local < last) {
                return compute.get();
            }
            if (last == null || local > last) {
                synchronized (this) {
                    Long again = seen.get(scope);
                    if (again == null || local > again) {
                        entries.keySet().removeIf(k -> scope.equals(k.scope()) && k.local() < local);
                        seen.put(scope, local);
                    }
                }
            }
        }
        VersionedKey versioned = new VersionedKey(v, scope, local, key);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = entries.putIfAbsent(versioned, mine);
        if (existing == null) {
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                entries.remove(versioned, mine);
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
        seen.clear();
    }

    private record VersionedKey(long version, String scope, long local, Object key) {
    }
}

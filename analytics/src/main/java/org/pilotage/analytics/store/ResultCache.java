package org.pilotage.analytics.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Results computed once per key and data version: concurrent viewers of the same room wait for one
 * computation. A new global version empties the cache; a new version of one establishment drops that
 * establishment's results only (those asked for with its name); a full cache is emptied too (keys hold
 * filters that users choose, so it stays bounded).
 */
public final class ResultCache {

    private final ConcurrentHashMap<VersionedKey, CompletableFuture<Object>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    /** Values dropped by a newer version of their establishment, kept until their key's new value is there. */
    private final ConcurrentHashMap<PreviousKey, Previous> previous = new ConcurrentHashMap<>();
    /** The keys asked for with {@link #getOrPrevious}: only their values are kept aside when dropped. */
    private final java.util.Set<Object> keptAside = ConcurrentHashMap.newKeySet();
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
        VersionedKey versioned = current(scope, key);
        if (versioned == null) {
            return compute.get(); // a reader that saw the versions just before a change: computes, keeps nothing
        }
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

    /**
     * The key as of the versions now, once the results of older versions are dropped (those of an establishment's
     * older version kept aside as its previous values); null for a reader that saw the versions just before a change.
     */
    private VersionedKey current(String scope, Object key) {
        long v = versions.current();
        if (v < cachedVersion) {
            return null;
        }
        if (v > cachedVersion || entries.size() >= maxEntries) {
            synchronized (this) {
                if (v > cachedVersion || entries.size() >= maxEntries) {
                    entries.clear();
                    seen.clear();
                    previous.clear();
                    keptAside.clear();
                    cachedVersion = Math.max(v, cachedVersion);
                }
            }
        }
        long local = scope == null ? 0 : versions.local(scope);
        if (scope != null) {
            Long last = seen.get(scope);
            if (last != null && local < last) {
                return null;
            }
            if (last == null || local > last) {
                synchronized (this) {
                    Long again = seen.get(scope);
                    if (again == null || local > again) {
                        entries.entrySet().removeIf(e -> {
                            VersionedKey k = e.getKey();
                            if (!scope.equals(k.scope()) || k.local() >= local) {
                                return false;
                            }
                            CompletableFuture<Object> value = e.getValue();
                            if (value.isDone() && !value.isCompletedExceptionally() && keptAside.contains(k.key())
                                    && previous.size() < maxEntries) {
                                previous.put(new PreviousKey(scope, k.key()), new Previous(value.join()));
                            }
                            return true;
                        });
                        seen.put(scope, local);
                    }
                }
            }
        }
        return new VersionedKey(v, scope, local, key);
    }

    /**
     * As {@link #get(String, Object, Supplier)}, except while this key's new value is computed after a publication of
     * its establishment: then the value it had before is answered at once, passed through {@code stale} (once per
     * value: a picture marked as being updated), and the new one is computed on {@code background}. A key never
     * computed before, or computed after a global change, waits for its value as with get.
     */
    @SuppressWarnings("unchecked")
    public <T> T getOrPrevious(String scope, Object key, Supplier<T> compute, Executor background, UnaryOperator<T> stale) {
        VersionedKey versioned = current(scope, key);
        if (versioned == null) {
            return compute.get();
        }
        if (keptAside.size() < maxEntries) {
            keptAside.add(key); // from now on: a value dropped before this key was asked for so is not kept
        }
        CompletableFuture<Object> existing = entries.get(versioned);
        if (existing != null && existing.isDone() && !existing.isCompletedExceptionally()) {
            return (T) existing.join();
        }
        PreviousKey pk = new PreviousKey(scope, key);
        Previous old = previous.get(pk);
        if (old == null) {
            return get(scope, key, compute);
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        if (existing == null && entries.putIfAbsent(versioned, mine) == null) {
            try {
                background.execute(() -> {
                    try {
                        mine.complete(compute.get());
                        previous.remove(pk, old);
                    } catch (RuntimeException | Error e) {
                        // no new value: the old one is not answered again as "being updated"; the next caller computes
                        // it and gets the failure, as with get
                        previous.remove(pk, old);
                        entries.remove(versioned, mine);
                        mine.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException refused) { // the executor is shut down or full: computed here, as get does
                entries.remove(versioned, mine);
                return get(scope, key, compute);
            }
        }
        return (T) old.stale(stale);
    }

    public void clear() {
        entries.clear();
        seen.clear();
        previous.clear();
        keptAside.clear();
    }

    private record PreviousKey(String scope, Object key) {
    }

    /** A value dropped by a publication, and the same marked as stale (made once, when first asked for). */
    private static final class Previous {
        private final Object value;
        private volatile Object marked;

        Previous(Object value) {
            this.value = value;
        }

        @SuppressWarnings("unchecked")
        <T> Object stale(UnaryOperator<T> mark) {
            Object m = marked;
            if (m == null) {
                synchronized (this) {
                    if (marked == null) {
                        marked = mark.apply((T) value);
                    }
                    m = marked;
                }
            }
            return m;
        }
    }

    private record VersionedKey(long version, String scope, long local, Object key) {
    }
}

package org.pilotage.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What a publication, a global change and concurrent readers do to cached results. */
class ResultCacheTest {

    final DataVersion version = new DataVersion();
    final ResultCache cache = new ResultCache(version, 100);
    final AtomicInteger computed = new AtomicInteger();

    private String read(String establishment, String key) {
        return cache.get(establishment, key, () -> key + "#" + computed.incrementAndGet());
    }

    @Test
    void aPublicationForOneEstablishmentKeepsTheOthersResults() {
        String nord = read("NORD", "room 1");
        String sud = read("SUD", "room 2");
        String catalogue = cache.get("catalogue", () -> "catalogue#" + computed.incrementAndGet());
        assertThat(read("NORD", "room 1")).isSameAs(nord);

        version.changed(Set.of("NORD"));
        assertThat(read("NORD", "room 1")).as("the establishment published: computed again").isNotEqualTo(nord);
        assertThat(read("SUD", "room 2")).as("another establishment: kept").isSameAs(sud);
        assertThat(cache.get("catalogue", () -> "again")).as("not scoped to an establishment: kept").isSameAs(catalogue);
        assertThat(version.current("NORD")).isGreaterThan(version.current("SUD"));

        version.changed();
        assertThat(read("SUD", "room 2")).as("a global change: everything computed again").isNotEqualTo(sud);
        assertThat(cache.get("catalogue", () -> "again")).isEqualTo("again");
    }

    @Test
    void concurrentReadersOfOneKeyWaitForOneComputation() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = pool.submit(() -> cache.get("NORD", "chart", () -> {
                started.countDown();
                await(release);
                return "drawn#" + computed.incrementAndGet();
            }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            List<Future<String>> others = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> read("NORD", "chart")));
            }
            release.countDown();
            String drawn = first.get(30, TimeUnit.SECONDS);
            for (Future<String> f : others) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isSameAs(drawn);
            }
            assertThat(computed.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

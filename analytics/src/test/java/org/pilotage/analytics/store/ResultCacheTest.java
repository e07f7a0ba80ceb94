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

    @Test
    void afterAPublicationTheValueAKeyHadIsAnsweredMarkedWhileItsNewValueIsComputedOnce() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        AtomicInteger marks = new AtomicInteger();
        java.util.function.UnaryOperator<String> mark = v -> {
            marks.incrementAndGet();
            return v + " (previous)";
        };
        try {
            assertThat(cache.getOrPrevious("NORD", "chart", () -> "v1", background, mark)).as("never computed: waited for").isEqualTo("v1");
            assertThat(cache.getOrPrevious("NORD", "chart", () -> "other", background, mark)).as("kept").isEqualTo("v1");

            version.changed(Set.of("NORD"));
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger computations = new AtomicInteger();
            java.util.function.Supplier<String> slow = () -> {
                computations.incrementAndGet();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "v2";
            };
            assertThat(cache.getOrPrevious("NORD", "chart", slow, background, mark)).isEqualTo("v1 (previous)");
            assertThat(cache.getOrPrevious("NORD", "chart", slow, background, mark)).isEqualTo("v1 (previous)");
            assertThat(cache.getOrPrevious("NORD", "other chart", () -> "new", background, mark))
                    .as("a key that had no value before the publication waits for its own").isEqualTo("new");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!cache.getOrPrevious("NORD", "chart", slow, background, mark).equals("v2")) {
                assertThat(System.nanoTime()).as("the new value within 30 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            assertThat(computations).as("one computation for every caller").hasValue(1);
            assertThat(marks).as("the previous value marked once").hasValue(1);

            assertThat(read("NORD", "room 1")).isNotNull();
            version.changed(Set.of("NORD"));
            CountDownLatch hold = new CountDownLatch(1);
            assertThat(cache.getOrPrevious("NORD", "room 1", () -> {
                hold.countDown();
                return "fresh";
            }, background, mark)).as("a value only ever asked for with get is not kept aside: waited for").isEqualTo("fresh");
            assertThat(hold.getCount()).isZero();

            version.changed();
            assertThat(cache.getOrPrevious("NORD", "chart", () -> "v3", background, mark))
                    .as("after a global change nothing of before is answered").isEqualTo("v3");
        } finally {
            release(background);
        }
    }

    @Test
    void aNewValueThatCannotBeComputedEndsTheAnswersWithThePreviousOne() throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            cache.getOrPrevious("NORD", "chart", () -> "v1", background, v -> v + " (previous)");
            version.changed(Set.of("NORD"));
            CountDownLatch failed = new CountDownLatch(1);
            java.util.function.Supplier<String> refused = () -> {
                failed.countDown();
                throw new IllegalStateException("the store refuses");
            };
            String first = cache.getOrPrevious("NORD", "chart", refused, background, v -> v + " (previous)");
            assertThat(first).isEqualTo("v1 (previous)");
            assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            String answer;
            do { // once the failure is recorded, the next caller computes and gets the failure, not the old picture again
                assertThat(System.nanoTime()).as("within 30 s").isLessThan(deadline);
                try {
                    java.util.function.Supplier<String> still = () -> {
                        throw new IllegalStateException("the store still refuses");
                    };
                    answer = cache.getOrPrevious("NORD", "chart", still, background, v -> v + " (previous)");
                } catch (IllegalStateException e) {
                    answer = e.getMessage();
                }
                if (answer.equals("v1 (previous)")) {
                    Thread.sleep(5);
                }
            } while (answer.equals("v1 (previous)"));
            assertThat(answer).isEqualTo("the store still refuses");
        } finally {
            release(background);
        }
    }

    private static void release(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
}

package io.musicstream.infra.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ImportPipelineTest {

    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(10);

    private final List<String> done = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger waits = new AtomicInteger();
    private ImportPipeline pipeline;

    private ImportPipeline pipeline(int concurrency) {
        pipeline = new ImportPipeline(concurrency, "test-import", TICK, waits::incrementAndGet);
        return pipeline;
    }

    @AfterEach
    void close() {
        pipeline.close();
        MDC.clear();
    }

    @Test
    void artistLinesRunInParallel() throws Exception {
        pipeline(4);
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        for (String artist : List.of("a-1", "a-2")) {
            pipeline.artist(() -> {
                try {
                    bothRunning.await(5, TimeUnit.SECONDS);
                    done.add(artist);
                } catch (Exception e) {
                    done.add(artist + " ran alone");
                }
            });
        }
        pipeline.awaitAll();
        assertThat(done).containsExactlyInAnyOrder("a-1", "a-2");
    }

    @Test
    void aReleaseWaitsForEveryArtistLineBeforeIt() throws Exception {
        pipeline(4);
        pipeline.artist(slow("a-1", 150));
        pipeline.artist(slow("a-2", 100));
        pipeline.release("r-1", () -> done.add("r-1"));
        pipeline.release(null, () -> done.add("no upc"));
        pipeline.awaitAll();
        assertThat(done.subList(0, 2)).containsExactlyInAnyOrder("a-1", "a-2");
        assertThat(done.subList(2, 4)).containsExactlyInAnyOrder("r-1", "no upc");
    }

    @Test
    void linesOfTheSameReleaseRunOneAfterTheOtherInFileOrder() throws Exception {
        pipeline(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        for (int i = 1; i <= 4; i++) {
            String name = "r-1 line " + i;
            pipeline.release("r-1", () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                slow(name, 30).run();
                running.decrementAndGet();
            });
        }
        pipeline.awaitAll();
        assertThat(done).containsExactly("r-1 line 1", "r-1 line 2", "r-1 line 3", "r-1 line 4");
        assertThat(mostAtOnce).hasValue(1);
    }

    @Test
    void atMostTheConfiguredNumberOfLinesRunAtOnceAndTheReaderReportsWhileItWaits() throws Exception {
        pipeline(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            pipeline.unordered(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                slow("line", 50).run();
                running.decrementAndGet();
            });
        }
        pipeline.awaitAll();
        assertThat(done).hasSize(6);
        assertThat(mostAtOnce).hasValue(2);
        assertThat(waits.get()).as("progress reported while the reader waited").isPositive();
    }

    @Test
    void aLineThatThrowsFreesItsWorkerForTheNext() throws Exception {
        pipeline(1);
        pipeline.unordered(() -> {
            throw new IllegalStateException("a bug in a worker");
        });
        pipeline.unordered(() -> done.add("next"));
        pipeline.awaitAll();
        assertThat(done).containsExactly("next");
    }

    @Test
    void waitingQuietlyCallsNobodyWhileLinesFinish() throws Exception {
        pipeline(1);
        CountDownLatch release = new CountDownLatch(1);
        pipeline.unordered(() -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add("finished");
        });
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }).start();
        pipeline.awaitAllQuietly();
        assertThat(done).containsExactly("finished");
        assertThat(waits).hasValue(0);
    }

    @Test
    void workersRunWithTheReadersLoggingContext() throws Exception {
        MDC.put("requestId", "req-42");
        pipeline(2);
        pipeline.unordered(() -> done.add(String.valueOf(MDC.get("requestId"))));
        pipeline.awaitAll();
        assertThat(done).containsExactly("req-42");
    }

    private Runnable slow(String name, long millis) {
        return () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add(name);
        };
    }
}

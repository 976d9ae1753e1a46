package io.musicstream.query.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.musicstream.projections.library.SyncFeed;
import io.musicstream.projections.library.SyncWatermark;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SyncPushTest {

    /** An emitter that records what it is sent; with a latch, every send waits for it (a stuck reader). */
    static final class RecordingEmitter extends SseEmitter {
        final BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        final CountDownLatch completed = new CountDownLatch(1);
        final CountDownLatch stuckUntil;

        RecordingEmitter(CountDownLatch stuckUntil) {
            super(0L);
            this.stuckUntil = stuckUntil;
        }

        @Override
        public void send(SseEventBuilder builder) {
            if (stuckUntil != null) {
                try {
                    stuckUntil.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sent.add(builder.build().stream().map(d -> String.valueOf(d.getData())).collect(Collectors.joining()));
        }

        @Override
        public void complete() {
            completed.countDown();
        }
    }

    static final class FakeSessions implements StreamSessions {
        final Set<String> ended = ConcurrentHashMap.newKeySet();
        Consumer<String> listener;

        @Override
        public Set<String> ended(Collection<String> sessionIds) {
            Set<String> result = new HashSet<>(sessionIds);
            result.retainAll(ended);
            return result;
        }

        @Override
        public void onEnded(Consumer<String> listener) {
            this.listener = listener;
        }
    }

    private final CountDownLatch unstick = new CountDownLatch(1);
    private final FakeSessions sessions = new FakeSessions();
    private RecordingEmitter next;
    private SyncPush push;

    private SyncPush push(int perUser, int total, int senderThreads, Duration heartbeat) {
        SyncFeed feed = mock(SyncFeed.class);
        when(feed.latestToken(anyString(), anyLong())).thenReturn(7L);
        push = new SyncPush(feed, mock(SyncWatermark.class), sessions, perUser, total,
                senderThreads, Duration.ofMillis(200), heartbeat) {
            @Override
            SseEmitter newEmitter() {
                RecordingEmitter emitter = next != null ? next : new RecordingEmitter(null);
                next = null;
                return emitter;
            }
        };
        return push;
    }

    private RecordingEmitter open(String userId, String sessionId) {
        return (RecordingEmitter) push.subscribe(userId, sessionId);
    }

    @AfterEach
    void stop() {
        unstick.countDown();
        push.stop();
    }

    @Test
    void aStuckReaderHoldsUpNeitherTheBoundsThreadNorOtherUsers() throws InterruptedException {
        push(5, 100, 1, Duration.ofHours(1));
        next = new RecordingEmitter(unstick);
        open("stuck", "s-stuck"); // its first send takes the only sender thread and never returns
        RecordingEmitter ada = open("ada", "s-ada");

        long start = System.nanoTime();
        for (long token = 10; token < 10_000; token++) {
            push.push("stuck", token);
        }
        push.push("ada", 11);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("queuing never waits for a client")
                .isLessThan(Duration.ofMillis(500));

        // ada's first token and 11 may merge into one event: the newest token is what counts
        String received = ada.sent.poll(5, TimeUnit.SECONDS);
        if (received != null && !received.contains("syncToken=11")) {
            received = ada.sent.poll(5, TimeUnit.SECONDS);
        }
        assertThat(received).as("ada's push, on a thread the watchdog lent").contains("syncToken=11");
        assertThat(push.openStreams()).as("the stuck stream was dropped").isEqualTo(1);
    }

    @Test
    void aSlowReaderGetsOnlyTheNewestTokenNotABacklog() throws InterruptedException {
        push(5, 100, 1, Duration.ofHours(1));
        CountDownLatch slow = new CountDownLatch(1);
        next = new RecordingEmitter(slow);
        RecordingEmitter reader = open("ada", "s-1");
        for (long token = 10; token <= 50; token++) {
            push.push("ada", token);
        }
        slow.countDown();
        java.util.List<String> events = new java.util.ArrayList<>();
        for (String event; (event = reader.sent.poll(500, TimeUnit.MILLISECONDS)) != null; ) {
            events.add(event);
        }
        assertThat(events).as("the first token (7), perhaps merged, then only the newest").hasSizeBetween(1, 2);
        assertThat(events.get(events.size() - 1)).contains("syncToken=50");
    }

    @Test
    void aUserHoldsAtMostTheConfiguredNumberOfStreams() throws InterruptedException {
        push(2, 100, 2, Duration.ofHours(1));
        open("ada", "s-1");
        RecordingEmitter second = open("ada", "s-2");
        assertThatThrownBy(() -> open("ada", "s-1")).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("at most 2");
        open("bob", "s-3");

        sessions.listener.accept("s-2");
        assertThat(second.completed.await(5, TimeUnit.SECONDS)).isTrue();
        open("ada", "s-4");
        assertThat(push.openStreams()).isEqualTo(3);
    }

    @Test
    void aNodeHoldsAtMostTheConfiguredNumberOfStreams() {
        push(5, 2, 2, Duration.ofHours(1));
        open("ada", "s-1");
        open("bob", "s-2");
        assertThatThrownBy(() -> open("cyd", "s-3")).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("maximum of 2");
        assertThat(push.openStreams()).isEqualTo(2);
    }

    @Test
    void aStreamEndsWhenItsSessionEndsAndNoOtherDoes() throws InterruptedException {
        push(5, 100, 2, Duration.ofHours(1));
        RecordingEmitter phone = open("ada", "s-phone");
        RecordingEmitter laptop = open("ada", "s-laptop");
        sessions.listener.accept("s-phone");
        assertThat(phone.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(laptop.completed.await(300, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(push.openStreams()).isEqualTo(1);
    }

    @Test
    void theHeartbeatEndsStreamsWhoseSessionExpired() throws InterruptedException {
        push(5, 100, 2, Duration.ofMillis(100));
        RecordingEmitter expiring = open("ada", "s-old");
        RecordingEmitter fresh = open("ada", "s-new");
        sessions.ended.add("s-old");
        assertThat(expiring.completed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(fresh.completed.getCount()).isEqualTo(1);
        assertThat(fresh.sent.poll(5, TimeUnit.SECONDS)).contains("syncToken=7");
        assertThat(fresh.sent.poll(5, TimeUnit.SECONDS)).as("a keep-alive").isNotNull();
    }
}

package io.musicstream.query.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class PushSendersTest {

    private final PushSenders senders = new PushSenders(2, 1, Duration.ofMillis(50).toNanos());
    private final List<PushStream> dropped = new ArrayList<>();

    @AfterEach
    void stop() {
        senders.shutdown();
    }

    @Test
    void aSendThatHangsPastTheTimeoutIsDroppedAndLendsThePoolAThreadUntilItReturns() throws InterruptedException {
        PushStream stuck = stream("stuck");
        PushStream quick = stream("quick");
        senders.sendBegins(stuck);
        senders.sendBegins(quick);
        assertThat(senders.sendEnded(quick)).as("a send in time is not dropped").isFalse();
        Thread.sleep(100);

        senders.dropStuck(dropped::add);
        senders.dropStuck(dropped::add);

        assertThat(dropped).as("dropped once").containsExactly(stuck);
        assertThat(senders.size()).isEqualTo(3);
        assertThat(senders.sendEnded(stuck)).as("its stream must end").isTrue();
        senders.dropStuck(dropped::add);
        assertThat(senders.size()).isEqualTo(2);
    }

    @Test
    void sparesAreCapped() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            senders.sendBegins(stream("stuck-" + i));
        }
        Thread.sleep(100);

        senders.dropStuck(dropped::add);

        assertThat(dropped).hasSize(3);
        assertThat(senders.size()).isEqualTo(3);
    }

    private PushStream stream(String userId) {
        return new PushStream(userId, "s-" + userId, new SseEmitter(0L), senders, s -> { });
    }
}

package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.musicstream.query.sync.SyncWatermark;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SyncFeedHealthIndicatorTest {

    private final SyncWatermark watermark = mock(SyncWatermark.class);
    private final SyncFeedHealthIndicator health = new SyncFeedHealthIndicator(watermark);

    @Test
    void upWhileTheBoundIsComputed() {
        when(watermark.sinceLastBeat()).thenReturn(Duration.ofMillis(20));
        when(watermark.lastBound()).thenReturn(42L);
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("bound", 42L).containsEntry("millisSinceBoundComputed", 20L);
    }

    @Test
    void downOnceTheBoundStopsBeingComputed() {
        when(watermark.sinceLastBeat()).thenReturn(Duration.ofSeconds(SyncFeedHealthIndicator.STALE_SECONDS + 1));
        assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}

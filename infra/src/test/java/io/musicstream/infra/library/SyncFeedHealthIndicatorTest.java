package io.musicstream.infra.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.musicstream.infra.processors.ProcessorMonitor;
import io.musicstream.projections.library.LibrarySyncProjection;
import io.musicstream.projections.library.SyncWatermark;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class SyncFeedHealthIndicatorTest {

    private final SyncWatermark watermark = mock(SyncWatermark.class);
    private final ProcessorMonitor processors = mock(ProcessorMonitor.class);
    private final SyncFeedHealthIndicator health = new SyncFeedHealthIndicator(watermark, processors);

    @Test
    void upWhileTheBoundIsComputed() {
        when(watermark.sinceLastBeat()).thenReturn(Duration.ofMillis(20));
        when(watermark.lastBound()).thenReturn(42L);
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.UP);
        assertThat(result.getDetails()).containsEntry("bound", 42L).containsEntry("millisSinceBoundComputed", 20L);
    }

    @Test
    void downWhileTheLibraryProjectionUnderTheFeedIsStalled() {
        when(watermark.sinceLastBeat()).thenReturn(Duration.ofMillis(20));
        when(processors.status(LibrarySyncProjection.PROCESSING_GROUP)).thenReturn(Optional.of(
                new ProcessorMonitor.Status(LibrarySyncProjection.PROCESSING_GROUP, true, true, 10, 50, 40, 0, true,
                        Duration.ofMinutes(2))));
        Health result = health.health(true);
        assertThat(result.getStatus()).isEqualTo(Status.DOWN);
        assertThat(result.getDetails()).containsEntry("projectionStalled", true);
    }

    @Test
    void downOnceTheBoundStopsBeingComputed() {
        when(watermark.sinceLastBeat()).thenReturn(Duration.ofSeconds(SyncFeedHealthIndicator.STALE_SECONDS + 1));
        assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
    }
}

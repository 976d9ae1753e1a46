package io.musicstream.infra.library;

import io.musicstream.infra.processors.ProcessorMonitor;
import io.musicstream.projections.library.LibrarySyncProjection;
import io.musicstream.projections.library.SyncWatermark;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN when the sync feed's bound has not been computed for {@value #STALE_SECONDS} s, or when the
 * {@code library-sync} processor under it has stalled: the feed would keep answering, but with a token that
 * no longer moves, so devices would stop seeing new changes.
 */
@Component("sync")
class SyncFeedHealthIndicator extends AbstractHealthIndicator {

    static final int STALE_SECONDS = 5;

    private final SyncWatermark watermark;
    private final ProcessorMonitor processors;

    SyncFeedHealthIndicator(SyncWatermark watermark, ProcessorMonitor processors) {
        super("Sync feed health check failed");
        this.watermark = watermark;
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Duration quiet = watermark.sinceLastBeat();
        Optional<ProcessorMonitor.Status> projection = processors.status(LibrarySyncProjection.PROCESSING_GROUP);
        boolean stalled = projection.map(ProcessorMonitor.Status::stalled).orElse(false);
        builder.status(quiet.compareTo(Duration.ofSeconds(STALE_SECONDS)) > 0 || stalled ? "DOWN" : "UP")
                .withDetail("bound", watermark.lastBound())
                .withDetail("millisSinceBoundComputed", quiet.toMillis())
                .withDetail("projectionStalled", stalled)
                .withDetail("heldUsers", watermark.holds().size());
    }
}

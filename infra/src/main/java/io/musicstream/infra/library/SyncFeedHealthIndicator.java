package io.musicstream.infra.library;

import io.musicstream.query.sync.SyncWatermark;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN when the sync feed's bound has not been computed for {@value #STALE_SECONDS} s: the feed would keep
 * answering, but with a token that no longer moves, so devices would stop seeing new changes.
 */
@Component("sync")
class SyncFeedHealthIndicator extends AbstractHealthIndicator {

    static final int STALE_SECONDS = 5;

    private final SyncWatermark watermark;

    SyncFeedHealthIndicator(SyncWatermark watermark) {
        super("Sync feed health check failed");
        this.watermark = watermark;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Duration quiet = watermark.sinceLastBeat();
        builder.status(quiet.compareTo(Duration.ofSeconds(STALE_SECONDS)) > 0 ? "DOWN" : "UP")
                .withDetail("bound", watermark.lastBound())
                .withDetail("millisSinceBoundComputed", quiet.toMillis());
    }
}

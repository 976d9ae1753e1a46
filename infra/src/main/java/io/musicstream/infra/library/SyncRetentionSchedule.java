package io.musicstream.infra.library;

import io.musicstream.projections.library.SyncRetention;
import io.musicstream.projections.library.SyncWatermark;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Prunes sync-feed changes older than {@code music.sync.retention} (90 days) every hour. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncRetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(SyncRetentionSchedule.class);

    private final SyncRetention retention;
    private final SyncWatermark watermark;
    private final Clock clock;
    private final Duration keep;

    SyncRetentionSchedule(SyncRetention retention, SyncWatermark watermark, Clock clock,
                          @Value("${music.sync.retention:P90D}") Duration keep) {
        this.retention = retention;
        this.watermark = watermark;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${music.sync.prune-interval:PT1H}")
    void prune() {
        long through = Math.min(retention.tokenBefore(clock.instant().minus(keep)), watermark.currentBound());
        if (through > 0) {
            int pruned = retention.prune(through);
            log.info("pruned {} sync changes up to token {} (older than {})", pruned, through, keep);
        }
    }
}

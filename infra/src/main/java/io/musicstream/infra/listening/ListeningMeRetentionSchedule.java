package io.musicstream.infra.listening;

import io.musicstream.projections.listening.me.ListeningMeRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Deletes the listener's daily and weekly stream buckets that no range reads any more, every hour. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ListeningMeRetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(ListeningMeRetentionSchedule.class);

    private final ListeningMeRetention retention;

    ListeningMeRetentionSchedule(ListeningMeRetention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${music.listening.prune-interval:PT1H}")
    void prune() {
        int pruned = retention.prune();
        if (pruned > 0) {
            log.info("pruned {} listening buckets no range reads", pruned);
        }
    }
}

package io.musicstream.infra.listening;

import io.musicstream.projections.listening.popularity.PopularityJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the popularity job every {@code music.popularity.refresh} (60 s). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PopularitySchedule {

    private static final Logger log = LoggerFactory.getLogger(PopularitySchedule.class);

    private final PopularityJob job;

    PopularitySchedule(PopularityJob job, @Value("${music.popularity.max-items-per-run:200000}") int maxItemsPerRun) {
        this.job = job;
        job.setMaxItemsPerRun(maxItemsPerRun);
    }

    @Scheduled(initialDelayString = "${music.popularity.refresh:PT60S}", fixedDelayString = "${music.popularity.refresh:PT60S}")
    void refresh() {
        try {
            PopularityJob.Run run = job.run();
            if (run.computed() > 0 || run.sentToIndex() > 0) {
                log.debug("popularity: {} items computed, {} sent to the search index", run.computed(), run.sentToIndex());
            }
        } catch (RuntimeException e) {
            // the next run picks up whatever this one left
            log.warn("popularity job failed: {}", e.toString());
        }
    }
}

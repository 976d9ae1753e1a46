package io.musicstream.infra.listening;

import io.musicstream.projections.listening.charts.ChartBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Builds the charts of periods that became complete, every {@code music.charts.build-interval} (1 min). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ChartBuildSchedule {

    private static final Logger log = LoggerFactory.getLogger(ChartBuildSchedule.class);

    private final ChartBuilder builder;

    ChartBuildSchedule(ChartBuilder builder) {
        this.builder = builder;
    }

    @Scheduled(initialDelayString = "${music.charts.build-interval:PT1M}",
            fixedDelayString = "${music.charts.build-interval:PT1M}")
    void build() {
        for (ChartBuilder.Built built : builder.buildDue()) {
            log.info("built the {} charts of the period starting {}", built.kind().wireName(), built.start());
        }
    }
}

package io.musicstream.infra.web.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes idempotency records past their retention every {@code music.idempotency.purge-interval}, in batches
 * of {@value #BATCH}, so no single statement holds many row locks or a long transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyPurge {

    static final int BATCH = 1_000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyRecords records;

    IdempotencyPurge(IdempotencyRecords records) {
        this.records = records;
    }

    @Scheduled(initialDelayString = "${music.idempotency.purge-interval:PT10M}",
            fixedDelayString = "${music.idempotency.purge-interval:PT10M}")
    void purge() {
        try {
            int total = purgeAll();
            if (total > 0) {
                log.info("purged {} idempotency records older than {}", total, records.retention());
            }
        } catch (RuntimeException e) {
            log.warn("idempotency purge failed; the next run tries again: {}", e.toString());
        }
    }

    /** Deletes every expired record, batch by batch; returns how many. */
    int purgeAll() {
        int total = 0;
        int deleted;
        do {
            deleted = records.purgeExpired(BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}

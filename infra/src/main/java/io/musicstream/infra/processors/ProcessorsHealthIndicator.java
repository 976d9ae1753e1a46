package io.musicstream.infra.processors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN when a streaming processor has stalled: behind the head of the store without advancing for
 * {@code music.processors.stall-after}. A processor retrying a transient error is only DOWN once it stalls.
 */
@Component("processors")
class ProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorMonitor monitor;

    ProcessorsHealthIndicator(ProcessorMonitor monitor) {
        super("Event processors health check failed");
        this.monitor = monitor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean down = false;
        for (ProcessorMonitor.Status status : monitor.statuses().values()) {
            down |= status.stalled();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", status.stalled() ? "STALLED" : status.error() ? "RETRYING" : "UP");
            details.put("position", status.position());
            details.put("behind", status.behind());
            details.put("deadLetters", status.deadLetters());
            details.put("secondsSinceAdvance", status.sinceAdvance().toSeconds());
            builder.withDetail(status.name(), details);
        }
        builder.status(down ? "DOWN" : "UP");
    }
}

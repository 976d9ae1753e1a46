package io.musicstream.infra.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.musicstream.projections.processors.ProcessorTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Samples every streaming processor every few seconds: its position (the lowest of its segments' tokens),
 * how many events it is behind the head of the store, its dead letters, and whether it has stalled (see
 * {@link StallRule}, {@code music.processors.stall-after}). Health, metrics and the admin endpoint read the
 * last sample, so none of them costs a query.
 */
@Component
public class ProcessorMonitor implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ProcessorMonitor.class);

    private final JdbcClient jdbc;
    private final ProcessorTokens tokens;
    private final EventProcessingConfiguration processing;
    private final Map<String, StallRule> stallRules = new LinkedHashMap<>();
    private volatile Map<String, Status> last = Map.of();

    /**
     * @param position    the lowest index every segment has passed; -1 before the processor's first token
     * @param behind      events in the store above {@code position}
     * @param sinceAdvance time since the position last moved while behind
     */
    public record Status(String name, boolean running, boolean error, long position, long head, long behind,
                         long deadLetters, boolean stalled, Duration sinceAdvance) {
    }

    public ProcessorMonitor(JdbcClient jdbc, ProcessorTokens tokens, EventProcessingConfiguration processing,
                            Clock clock, @Value("${music.processors.stall-after:60s}") Duration stallAfter) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.processing = processing;
        for (String name : DeadLetterConfig.PROCESSORS) {
            stallRules.put(name, new StallRule(clock, stallAfter));
        }
    }

    public List<String> names() {
        return DeadLetterConfig.PROCESSORS;
    }

    /** The last sample, taking one first if there is none yet. */
    public Map<String, Status> statuses() {
        if (last.isEmpty()) {
            sample();
        }
        return last;
    }

    public Optional<Status> status(String name) {
        return Optional.ofNullable(statuses().get(name));
    }

    @Scheduled(initialDelayString = "PT1S", fixedDelayString = "${music.processors.sample-interval:PT5S}")
    public void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("sampling the event processors failed: {}", e.toString());
        }
    }

    synchronized void sample() {
        long head = jdbc.sql("select coalesce(max(global_index), 0) from domain_event_entry").query(Long.class).single();
        Map<String, Long> deadLetters = new HashMap<>();
        jdbc.sql("select processing_group, count(*) from dead_letter_entry group by processing_group")
                .query(rs -> {
                    deadLetters.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> positions = positions();
        Map<String, Status> sample = new LinkedHashMap<>();
        stallRules.forEach((name, rule) -> {
            long position = positions.getOrDefault(name, -1L);
            long behind = Math.max(0, head - Math.max(position, 0));
            boolean stalled = rule.observe(position, behind);
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
            sample.put(name, new Status(name, processor.map(StreamingEventProcessor::isRunning).orElse(false),
                    processor.map(StreamingEventProcessor::isError).orElse(false), position, head, behind,
                    deadLetters.getOrDefault(name, 0L), stalled, rule.sinceProgress()));
        });
        last = Map.copyOf(sample);
    }

    /** Per processor, the lowest position among its segments' tokens. */
    private Map<String, Long> positions() {
        Map<String, Long> positions = new HashMap<>();
        tokens.of(DeadLetterConfig.PROCESSORS).forEach((name, segments) -> segments.forEach(
                token -> positions.merge(name, ProcessorTokens.position(token), Math::min)));
        return positions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : DeadLetterConfig.PROCESSORS) {
            Gauge.builder("music.processor.behind", this, m -> m.gauge(name, Status::behind))
                    .description("events in the store the processor has not passed yet")
                    .tag("processor", name).register(registry);
            Gauge.builder("music.processor.dead.letters", this, m -> m.gauge(name, Status::deadLetters))
                    .description("events the processor dead-lettered and nobody has retried or evicted yet")
                    .tag("processor", name).register(registry);
            Gauge.builder("music.processor.stalled", this, m -> m.gauge(name, s -> s.stalled() ? 1 : 0))
                    .description("1 while the processor is behind and has not advanced for the stall time")
                    .tag("processor", name).register(registry);
        }
    }

    private double gauge(String name, java.util.function.ToDoubleFunction<Status> value) {
        Status status = last.get(name);
        return status == null ? Double.NaN : value.applyAsDouble(status);
    }
}

package io.musicstream.infra.processors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which handler failures become dead letters. A transient failure (database or search index away) is
 * thrown on, so the processor backs off and retries the batch: dead-lettering it would hold back a whole
 * stream for a minute's outage. A permanent one is dead-lettered at once; one of unknown kind after
 * {@code retries} failed attempts. A letter that fails again when retried from the queue stays there.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPolicy.class);
    private static final int CAUSE_MESSAGE_LIMIT = 1_000;
    private static final int REMEMBERED_EVENTS = 10_000;

    private final String processor;
    private final int retries;
    private final Map<String, Integer> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    /** Diagnostics key: how often the letter was retried from the queue and failed again. */
    static final String RETRIES = "retries";

    static long retries(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        return retries instanceof Number n ? n.longValue() : 0;
    }

    DeadLetterPolicy(String processor, int retries) {
        this.processor = processor;
        this.retries = retries;
    }

    /** Thrown instead of dead-lettering: the processor's error handling retries the batch later. */
    static final class RetryLater extends RuntimeException {
        RetryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        Throwable stored = storable(cause);
        if (letter instanceof JdbcDeadLetter) {
            return Decisions.requeue(stored, l -> l.diagnostics().and(RETRIES, retries(l) + 1));
        }
        String eventId = letter.message().getIdentifier();
        HandlerFailures.Kind kind = HandlerFailures.classify(cause);
        if (kind == HandlerFailures.Kind.TRANSIENT) {
            throw new RetryLater(processor + ": transient failure on event " + eventId + "; retrying", cause);
        }
        if (kind == HandlerFailures.Kind.UNKNOWN) {
            int attempt;
            synchronized (attempts) {
                attempt = attempts.merge(eventId, 1, Integer::sum);
                if (attempt > retries) {
                    attempts.remove(eventId);
                }
            }
            if (attempt <= retries) {
                throw new RetryLater(processor + ": event " + eventId + " failed (attempt " + attempt + " of "
                        + retries + "); retrying", cause);
            }
        }
        log.warn("{}: event {} ({}) dead-lettered: {}", processor, eventId,
                letter.message().getPayloadType().getSimpleName(), stored.getMessage());
        return Decisions.enqueue(stored);
    }

    /**
     * The cause as the queue can store it: its message without control characters (PostgreSQL text takes no
     * NUL) and within the column.
     */
    static Throwable storable(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        StringBuilder clean = new StringBuilder(Math.min(message.length(), CAUSE_MESSAGE_LIMIT));
        message.codePoints().limit(CAUSE_MESSAGE_LIMIT).forEach(c ->
                clean.appendCodePoint(Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c));
        return new ThrowableCause(cause.getClass().getName(), clean.toString());
    }
}

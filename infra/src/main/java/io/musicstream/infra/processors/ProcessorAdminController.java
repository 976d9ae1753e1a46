package io.musicstream.infra.processors;

import io.musicstream.infra.common.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Event processors and their dead letters, for operators: status and lag, the letters of a processor, and
 * retrying or evicting a sequence. A sequence is what the processor parks together (a user's library in
 * {@code library-sync}, an aggregate elsewhere): its first letter failed, the later ones wait behind it.
 */
@RestController
@RequestMapping("/api/v1/admin/processors")
@PreAuthorize("hasRole('ADMIN')")
class ProcessorAdminController {

    private static final Logger log = LoggerFactory.getLogger(ProcessorAdminController.class);
    private static final int MAX_LIMIT = 500;

    private final ProcessorMonitor monitor;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final JsonMapper json = Json.MAPPER;

    ProcessorAdminController(ProcessorMonitor monitor, EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.monitor = monitor;
        this.processing = processing;
        this.jdbc = jdbc;
    }

    record ProcessorView(String name, String status, boolean running, long position, long head, long behind,
                         long deadLetters, long secondsSinceAdvance) {
    }

    record Cause(String type, String message) {
    }

    /**
     * @param sequenceIndex the letter's place in its sequence (0 for the one that failed first)
     * @param globalIndex   the event's global index in the store (its sync token, for library events)
     * @param retries       how often it was retried from the queue and failed again
     */
    record LetterView(String sequenceId, long sequenceIndex, String eventId, String eventType, Long globalIndex,
                      Cause cause, String enqueuedAt, String lastTouched, long retries) {
    }

    record LettersPage(String processor, long total, List<LetterView> letters) {
    }

    /**
     * @param resolved sequences whose letters were all handled (and left the queue)
     * @param failed   sequences whose first remaining letter failed again (it stays, with the new cause)
     */
    record RetryResult(String processor, List<String> resolved, List<String> failed) {
    }

    record EvictResult(String processor, String sequenceId, int evicted, boolean restResolved, long remaining) {
    }

    @GetMapping
    List<ProcessorView> processors() {
        monitor.sample();
        return monitor.statuses().values().stream().map(ProcessorAdminController::view).toList();
    }

    @GetMapping("/{name}")
    ProcessorView processor(@PathVariable String name) {
        requireProcessor(name);
        monitor.sample();
        return view(monitor.status(name).orElseThrow());
    }

    private static ProcessorView view(ProcessorMonitor.Status s) {
        String status = s.stalled() ? "STALLED" : s.error() ? "RETRYING" : s.running() ? "RUNNING" : "STOPPED";
        return new ProcessorView(s.name(), status, s.running(), s.position(), s.head(), s.behind(), s.deadLetters(),
                s.sinceAdvance().toSeconds());
    }

    /** Letters oldest event first, optionally of one sequence. */
    @GetMapping("/{name}/dead-letters")
    LettersPage deadLetters(@PathVariable String name,
                            @RequestParam(required = false) String sequenceId,
                            @RequestParam(defaultValue = "100") int limit,
                            @RequestParam(defaultValue = "0") int offset) {
        requireProcessor(name);
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "limit must be between 1 and " + MAX_LIMIT + " and offset must not be negative");
        }
        long total = jdbc.sql("""
                        select count(*) from dead_letter_entry
                        where processing_group = ? and (cast(? as text) is null or sequence_identifier = ?)""")
                .params(name, sequenceId, sequenceId).query(Long.class).single();
        List<LetterView> letters = jdbc.sql("""
                        select d.sequence_identifier, d.sequence_index, d.event_identifier, d.payload_type,
                               e.global_index, d.cause_type, d.cause_message, d.enqueued_at, d.last_touched,
                               d.diagnostics
                        from dead_letter_entry d left join domain_event_entry e on e.event_identifier = d.event_identifier
                        where d.processing_group = ? and (cast(? as text) is null or d.sequence_identifier = ?)
                        order by e.global_index nulls last, d.sequence_identifier, d.sequence_index
                        limit ? offset ?""")
                .params(name, sequenceId, sequenceId, limit, offset)
                .query((rs, i) -> new LetterView(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class),
                        rs.getString(6) == null ? null : new Cause(rs.getString(6), rs.getString(7)),
                        rs.getString(8), rs.getString(9), retries(rs.getBytes(10))))
                .list();
        if (sequenceId != null && total == 0) {
            throw noSequence(name, sequenceId);
        }
        return new LettersPage(name, total, letters);
    }

    private long retries(byte[] diagnostics) {
        if (diagnostics == null) {
            return 0;
        }
        try {
            Object retries = json.readValue(diagnostics, Map.class).get(DeadLetterPolicy.RETRIES);
            return retries instanceof Number n ? n.longValue() : 0;
        } catch (JacksonException e) {
            return 0;
        }
    }

    /** Retries every sequence of the processor, each from its first letter. */
    @PostMapping("/{name}/dead-letters/retry")
    RetryResult retryAll(@PathVariable String name) {
        requireProcessor(name);
        List<String> sequences = jdbc.sql("""
                        select sequence_identifier from dead_letter_entry where processing_group = ?
                        group by sequence_identifier order by min(enqueued_at)""")
                .param(name).query(String.class).list();
        return retry(name, sequences);
    }

    /** Retries one sequence from its first letter; stops at the first letter that fails again. */
    @PostMapping("/{name}/dead-letters/{sequenceId}/retry")
    RetryResult retrySequence(@PathVariable String name, @PathVariable String sequenceId) {
        requireSequence(name, sequenceId);
        return retry(name, List.of(sequenceId));
    }

    /**
     * Evicts the sequence's first letter (the one that failed) and retries the rest, which only waited behind
     * it; {@code all=true} evicts every letter of the sequence instead. Evicted events are never handled.
     */
    @DeleteMapping("/{name}/dead-letters/{sequenceId}")
    EvictResult evict(@PathVariable String name, @PathVariable String sequenceId,
                      @RequestParam(defaultValue = "false") boolean all) {
        requireSequence(name, sequenceId);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(name).orElseThrow();
        int evicted = 0;
        Iterator<DeadLetter<? extends EventMessage<?>>> letters = queue.deadLetterSequence(sequenceId).iterator();
        List<DeadLetter<? extends EventMessage<?>>> toEvict = new ArrayList<>();
        while (letters.hasNext() && (all || toEvict.isEmpty())) {
            toEvict.add(letters.next());
        }
        for (DeadLetter<? extends EventMessage<?>> letter : toEvict) {
            log.warn("{}: admin evicts dead letter of event {} in sequence {}", name,
                    letter.message().getIdentifier(), sequenceId);
            queue.evict(letter);
            evicted++;
        }
        boolean restResolved = true;
        if (!all && queue.contains(sequenceId)) {
            restResolved = retry(name, List.of(sequenceId)).resolved().contains(sequenceId);
        }
        return new EvictResult(name, sequenceId, evicted, restResolved, queue.sequenceSize(sequenceId));
    }

    private RetryResult retry(String name, List<String> sequences) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(name).orElseThrow();
        List<String> resolved = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String sequence : sequences) {
            boolean done;
            try {
                done = processor.process(letter -> letter instanceof JdbcDeadLetter<?> jdbcLetter
                        && sequence.equals(jdbcLetter.getSequenceIdentifier()));
            } catch (RuntimeException e) {
                log.warn("{}: retrying dead-letter sequence {} failed: {}", name, sequence, e.toString());
                done = false;
            }
            (done ? resolved : failed).add(sequence);
        }
        monitor.sampleQuietly();
        return new RetryResult(name, resolved, failed);
    }

    private void requireProcessor(String name) {
        if (!DeadLetterConfig.PROCESSORS.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no event processor '" + name + "'; there are " + String.join(", ", DeadLetterConfig.PROCESSORS));
        }
    }

    private void requireSequence(String name, String sequenceId) {
        requireProcessor(name);
        boolean present = jdbc.sql("""
                        select exists (select 1 from dead_letter_entry
                                       where processing_group = ? and sequence_identifier = ?)""")
                .params(name, sequenceId).query(Boolean.class).single();
        if (!present) {
            throw noSequence(name, sequenceId);
        }
    }

    private static ResponseStatusException noSequence(String name, String sequenceId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "processor '" + name + "' has no dead letters in sequence '" + sequenceId + "'");
    }
}

package io.musicstream.infra.processors;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Event processors and their dead letters, for operators: status and lag, a replay from the first event, the
 * letters of a processor, and retrying or evicting a sequence. A sequence is what the processor parks together (a user's library in
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
    private final DeadLetterReader letters;

    ProcessorAdminController(ProcessorMonitor monitor, EventProcessingConfiguration processing,
                             DeadLetterReader letters) {
        this.monitor = monitor;
        this.processing = processing;
        this.letters = letters;
    }

    @GetMapping
    List<ProcessorView> processors() {
        monitor.sample();
        return monitor.statuses().values().stream().map(ProcessorView::of).toList();
    }

    @GetMapping("/{name}")
    ProcessorView processor(@PathVariable String name) {
        requireProcessor(name);
        monitor.sample();
        return ProcessorView.of(monitor.status(name).orElseThrow());
    }

    /**
     * Replays the processor from the first event: its read model is emptied (its reset handler) and rebuilt
     * while the service runs; {@code GET} shows the progress as lag. 409 for a processor that cannot be reset.
     */
    @PostMapping("/{name}/replay")
    ResponseEntity<ProcessorView> replay(@PathVariable String name) {
        requireProcessor(name);
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, name + " is not a streaming processor"));
        if (!processor.supportsReset()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, name + " cannot be replayed");
        }
        log.warn("{}: admin replays it from the first event", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        monitor.sample();
        return ResponseEntity.accepted().body(ProcessorView.of(monitor.status(name).orElseThrow()));
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
        long total = letters.count(name, sequenceId);
        List<LetterView> page = letters.letters(name, sequenceId, limit, offset);
        if (sequenceId != null && total == 0) {
            throw noSequence(name, sequenceId);
        }
        return new LettersPage(name, total, page);
    }

    /** Retries every sequence of the processor, each from its first letter. */
    @PostMapping("/{name}/dead-letters/retry")
    RetryResult retryAll(@PathVariable String name) {
        requireProcessor(name);
        return retry(name, letters.sequences(name));
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
        Iterator<DeadLetter<? extends EventMessage<?>>> sequence = queue.deadLetterSequence(sequenceId).iterator();
        List<DeadLetter<? extends EventMessage<?>>> toEvict = new ArrayList<>();
        while (sequence.hasNext() && (all || toEvict.isEmpty())) {
            toEvict.add(sequence.next());
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
        if (!letters.hasSequence(name, sequenceId)) {
            throw noSequence(name, sequenceId);
        }
    }

    private static ResponseStatusException noSequence(String name, String sequenceId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND,
                "processor '" + name + "' has no dead letters in sequence '" + sequenceId + "'");
    }
}

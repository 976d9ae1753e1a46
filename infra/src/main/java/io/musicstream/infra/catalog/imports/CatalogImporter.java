package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.web.CatalogLine;
import io.musicstream.command.catalog.ArtistDirectory;
import io.musicstream.command.catalog.web.CatalogCommandController;
import io.musicstream.command.catalog.web.CatalogCommandController.IngestReleaseRequest;
import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.events.catalog.IngestRelease;
import io.musicstream.events.catalog.RegisterArtist;
import io.musicstream.infra.web.RequestSizeLimitFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a catalog import (format and answer: {@link io.musicstream.infra.catalog.imports}): reads lines as they
 * arrive and hands them to {@code music.catalog.import.concurrency} workers (default 8), which parse, check
 * and send their commands through the command gateway; writes NDJSON progress, one error line per refused
 * line and a final summary. Memory stays bounded: at most one line per worker and one being read.
 *
 * <p>Order: artists are registered in parallel, but a release waits until every artist line before it is
 * done, so that the artists it names exist; lines of the same release run one after the other, in file
 * order. Whether a
 * release wrote anything is told from its stream's last sequence number before and after its command; an
 * edit of the same release by someone else at that very moment could be counted as this import's.
 */
@Component
public class CatalogImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogImporter.class);
    private static final long REPORT_NANOS = 1_000_000_000L;
    private static final int REPORT_LINES = 1_000;

    private final CommandGateway commands;
    private final EventStore events;
    private final ArtistDirectory artists;
    private final CatalogLineParser parser;
    private final JsonMapper json;
    private final Clock clock;
    private final int concurrency;
    private final int maxLineBytes;
    private final AtomicInteger workerIds = new AtomicInteger();

    public CatalogImporter(CommandGateway commands, EventStore events, ArtistDirectory artists,
                           CatalogLineParser parser, JsonMapper json, Clock clock,
                           @Value("${music.catalog.import.concurrency:8}") int concurrency,
                           @Value("${music.catalog.import.max-line-size:4MB}") DataSize maxLineSize) {
        this.commands = commands;
        this.events = events;
        this.artists = artists;
        this.parser = parser;
        this.json = json;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, maxLineSize.toBytes());
    }

    /** The figures of an import, as in its progress and final lines. */
    public record Totals(long lines, long artists, long releases, long updated, long unchanged, long failed,
                         long tracks) {
    }

    /** Thrown when the client went away (the answer could not be written, or the body not read). */
    public static class ClientGoneException extends IOException {
        ClientGoneException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Imports the lines of {@code in}, writing progress to {@code out} (flushed as it goes). Returns the
     * totals; throws {@link ClientGoneException} when the client stopped reading or sending midway (every
     * command already sent still completes).
     */
    public Totals run(InputStream in, OutputStream out) throws IOException {
        Run run = new Run(out);
        try {
            return run.run(new LineReader(in, maxLineBytes));
        } finally {
            run.workers.shutdown();
        }
    }

    private final class Run {
        private final OutputStream out;
        private final long started = System.nanoTime();
        private final ExecutorService workers;
        private final Semaphore slots = new Semaphore(concurrency);
        private final Map<String, CompletableFuture<Void>> releasesInFlight = new ConcurrentHashMap<>();
        private final List<CompletableFuture<Void>> artistsInFlight = new ArrayList<>();
        private final ConcurrentLinkedQueue<Map<String, Object>> errors = new ConcurrentLinkedQueue<>();
        private final Map<String, String> mdc = MDC.getCopyOfContextMap();
        private final LongAdder artistCount = new LongAdder();
        private final LongAdder releaseCount = new LongAdder();
        private final LongAdder updatedCount = new LongAdder();
        private final LongAdder unchangedCount = new LongAdder();
        private final LongAdder failedCount = new LongAdder();
        private final LongAdder trackCount = new LongAdder();
        private long lines;
        private long lastReport = System.nanoTime();
        private long linesAtLastReport;

        Run(OutputStream out) {
            this.out = out;
            int id = workerIds.incrementAndGet();
            AtomicInteger thread = new AtomicInteger();
            this.workers = Executors.newFixedThreadPool(concurrency, r -> {
                Thread t = new Thread(r, "catalog-import-" + id + "-" + thread.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        Totals run(LineReader reader) throws IOException {
            emit("progress", counts(totals()));
            flush();
            String abortReason = null;
            try {
                LineReader.Line line;
                while ((line = readLine(reader)) != null) {
                    lines++;
                    process(line);
                    reportIfDue();
                }
            } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                refuse(lines + 1, 413, null, null, List.of(tooLarge.getMessage()));
                abortReason = tooLarge.getMessage();
            } catch (BodyReadException gone) {
                finishInFlight(false);
                throw new ClientGoneException("the request body could not be read to its end", gone.getCause());
            }
            finishInFlight(true);
            writeErrors();
            Totals totals = totals();
            Map<String, Object> last = counts(totals);
            if (abortReason != null) {
                last.put("reason", abortReason);
                emit("aborted", last);
            } else {
                double seconds = (System.nanoTime() - started) / 1e9;
                last.put("seconds", Math.round(seconds * 1000) / 1000.0);
                last.put("tracksPerSecond", Math.round(totals.tracks() / Math.max(seconds, 1e-9) * 10) / 10.0);
                emit("done", last);
            }
            flush();
            return totals;
        }

        private LineReader.Line readLine(LineReader reader) throws IOException {
            try {
                return reader.next();
            } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                throw tooLarge;
            } catch (IOException e) {
                throw new BodyReadException(e);
            }
        }

        /**
         * Sends the line to a worker, which parses, checks and runs it. Only a quick look at its kind and UPC
         * happens here, to keep the order: a release waits for the artist lines before it, and for an earlier
         * line of the same release.
         */
        private void process(LineReader.Line line) throws IOException {
            if (line.tooLong()) {
                refuse(line.number(), 413, null, null, List.of("the line is longer than " + maxLineBytes + " bytes"));
                return;
            }
            if (line.blank()) {
                return;
            }
            CatalogLineParser.Peek peek = parser.peek(line.bytes(), 0, line.length());
            if ("artist".equals(peek.kind())) {
                if (artistsInFlight.size() > 4 * concurrency) {
                    artistsInFlight.removeIf(CompletableFuture::isDone);
                }
                artistsInFlight.add(submit(() -> work(line)));
                return;
            }
            if ("release".equals(peek.kind())) {
                for (CompletableFuture<Void> artist : artistsInFlight) {
                    await(artist);
                }
                artistsInFlight.clear();
                if (peek.upc() != null) {
                    String releaseId = CatalogCommandController.releaseId(peek.upc());
                    CompletableFuture<Void> previous = releasesInFlight.get(releaseId);
                    if (previous != null) {
                        await(previous);
                    }
                    CompletableFuture<Void> done = submit(() -> work(line));
                    releasesInFlight.put(releaseId, done);
                    done.whenComplete((ok, e) -> releasesInFlight.remove(releaseId, done));
                    return;
                }
            }
            submit(() -> work(line)); // the worker finds and reports what is wrong with it
        }

        private void work(LineReader.Line line) {
            CatalogLineParser.Parsed parsed = parser.parse(line.bytes(), 0, line.length());
            if (parsed instanceof CatalogLineParser.Refused refused) {
                refuse(line.number(), refused.status(), refused.upc(), refused.artistId(), refused.errors());
            } else if (((CatalogLineParser.Accepted) parsed).line() instanceof CatalogLine.Artist artist) {
                artist(line.number(), artist);
            } else {
                release(line.number(), ((CatalogLine.Release) ((CatalogLineParser.Accepted) parsed).line()).release());
            }
        }

        private void artist(long number, CatalogLine.Artist artist) {
            try {
                commands.sendAndWait(new RegisterArtist(artist.artistId(), artist.name(), clock.instant()));
                artistCount.increment();
            } catch (RuntimeException e) {
                if (cause(e, AggregateStreamCreationException.class) != null) {
                    if (artists.unknownArtists(Set.of(artist.artistId())).isEmpty()) {
                        unchangedCount.increment();
                    } else {
                        refuse(number, 409, null, artist.artistId(), List.of("artistId " + artist.artistId()
                                + " is already the id of something that is not an artist"));
                    }
                } else {
                    fail(number, null, artist.artistId(), e);
                }
            }
        }

        private void release(long number, IngestReleaseRequest request) {
            String releaseId = CatalogCommandController.releaseId(request.upc());
            try {
                IngestRelease command = CatalogCommandController.toCommand(request, clock.instant());
                Optional<Long> before = events.lastSequenceNumberFor(releaseId);
                commands.sendAndWait(command);
                if (before.isEmpty()) {
                    releaseCount.increment();
                } else if (before.equals(events.lastSequenceNumberFor(releaseId))) {
                    unchangedCount.increment();
                } else {
                    updatedCount.increment();
                }
                trackCount.add(command.tracks().size());
            } catch (RuntimeException e) {
                fail(number, request.upc(), null, e);
            }
        }

        /** Runs {@code task} on a worker once one of the {@code concurrency} slots is free. */
        private CompletableFuture<Void> submit(Runnable task) throws IOException {
            while (!acquire()) {
                report();
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            try {
                workers.execute(() -> {
                    Map<String, String> previous = MDC.getCopyOfContextMap();
                    if (mdc != null) {
                        MDC.setContextMap(mdc);
                    }
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        log.error("catalog import worker failed", e);
                    } finally {
                        if (previous == null) {
                            MDC.clear();
                        } else {
                            MDC.setContextMap(previous);
                        }
                        slots.release();
                        done.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            return done;
        }

        private boolean acquire() {
            try {
                return slots.tryAcquire(REPORT_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while importing", e);
            }
        }

        /** Waits for a command to finish, reporting progress meanwhile. */
        private void await(CompletableFuture<Void> future) throws IOException {
            while (true) {
                try {
                    future.get(REPORT_NANOS, TimeUnit.NANOSECONDS);
                    return;
                } catch (TimeoutException stillRunning) {
                    report();
                } catch (ExecutionException e) {
                    return; // failures are reported by the task itself
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while importing", e);
                }
            }
        }

        /** Waits for every command sent; reports progress meanwhile unless the client is gone. */
        private void finishInFlight(boolean reporting) throws IOException {
            while (true) {
                try {
                    if (slots.tryAcquire(concurrency, REPORT_NANOS, TimeUnit.NANOSECONDS)) {
                        slots.release(concurrency);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while importing", e);
                }
                if (reporting) {
                    report();
                }
            }
        }

        private void fail(long number, String upc, String artistId, RuntimeException e) {
            InvalidInputException badInput = cause(e, InvalidInputException.class);
            if (badInput != null) {
                refuse(number, 400, upc, artistId, badInput.errors());
                return;
            }
            InvalidCommandException invalid = cause(e, InvalidCommandException.class);
            if (invalid != null) {
                refuse(number, 422, upc, artistId, invalid.faults());
                return;
            }
            ConflictException conflict = cause(e, ConflictException.class);
            if (conflict != null) {
                refuse(number, 409, upc, artistId, List.of(conflict.getMessage()));
                return;
            }
            UnknownItemException unknown = cause(e, UnknownItemException.class);
            if (unknown != null) {
                refuse(number, 404, upc, artistId, List.of(unknown.getMessage()));
                return;
            }
            if (cause(e, DataAccessResourceFailureException.class) != null
                    || cause(e, TransientDataAccessException.class) != null
                    || cause(e, SQLTransientException.class) != null) {
                log.warn("catalog import line {}: a backing service is unavailable: {}", number, e.toString());
                refuse(number, 503, upc, artistId, List.of("a backing server did not answer; import this line again"));
                return;
            }
            log.error("catalog import line {} failed unexpectedly", number, e);
            refuse(number, 500, upc, artistId,
                    List.of("something went wrong on our side; quote the requestId when reporting it"));
        }

        private void refuse(long number, int status, String upc, String artistId, List<String> faults) {
            failedCount.increment();
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", number);
            error.put("status", status);
            if (upc != null) {
                error.put("upc", upc);
            }
            if (artistId != null) {
                error.put("artistId", artistId);
            }
            error.put("errors", faults);
            errors.add(error);
        }

        private void reportIfDue() throws IOException {
            writeErrors();
            if (lines - linesAtLastReport >= REPORT_LINES || System.nanoTime() - lastReport >= REPORT_NANOS) {
                report();
            }
        }

        private void report() throws IOException {
            writeErrors();
            emit("progress", counts(totals()));
            flush();
            lastReport = System.nanoTime();
            linesAtLastReport = lines;
        }

        private void writeErrors() throws IOException {
            Map<String, Object> error;
            while ((error = errors.poll()) != null) {
                emit("error", error);
            }
        }

        private Totals totals() {
            return new Totals(lines, artistCount.sum(), releaseCount.sum(), updatedCount.sum(),
                    unchangedCount.sum(), failedCount.sum(), trackCount.sum());
        }

        private void emit(String name, Map<String, Object> value) throws IOException {
            byte[] bytes = json.writeValueAsBytes(Map.of(name, value));
            try {
                out.write(bytes);
                out.write('\n');
            } catch (IOException e) {
                throw gone(e);
            }
        }

        private void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw gone(e);
            }
        }

        private IOException gone(IOException e) {
            // stop reading; commands already sent complete on their own
            try {
                finishInFlight(false);
            } catch (IOException ignored) {
                // not reporting
            }
            return e instanceof ClientGoneException ? e : new ClientGoneException("the client stopped reading", e);
        }
    }

    private static Map<String, Object> counts(Totals t) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("lines", t.lines());
        counts.put("artists", t.artists());
        counts.put("releases", t.releases());
        counts.put("updated", t.updated());
        counts.put("unchanged", t.unchanged());
        counts.put("failed", t.failed());
        counts.put("tracks", t.tracks());
        return counts;
    }

    /** An IOException while reading the body (not a body over the limit): the client went away. */
    private static final class BodyReadException extends IOException {
        BodyReadException(IOException cause) {
            super(cause);
        }
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.ArtistDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a catalog import (format and answer: {@link io.musicstream.infra.catalog.imports}): reads lines as they
 * arrive ({@link ImportRun}) and hands them to {@code music.catalog.import.concurrency} workers (default 8,
 * {@link ImportPipeline}), which parse, check and send their commands through the command gateway
 * ({@link LineCommands}); writes NDJSON progress, one error line per refused line and a final summary
 * ({@link ImportAnswer}).
 */
@Component
public class CatalogImporter {

    private final LineCommands lines;
    private final CatalogLineParser parser;
    private final JsonMapper json;
    private final int concurrency;
    private final int maxLineBytes;
    private final AtomicInteger runIds = new AtomicInteger();

    public CatalogImporter(CommandGateway commands, EventStore events, ArtistDirectory artists,
                           CatalogLineParser parser, JsonMapper json, Clock clock,
                           @Value("${music.catalog.import.concurrency:8}") int concurrency,
                           @Value("${music.catalog.import.max-line-size:4MB}") DataSize maxLineSize) {
        this.lines = new LineCommands(commands, events, artists, parser, clock);
        this.parser = parser;
        this.json = json;
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
        try (ImportRun run = new ImportRun(parser, lines, new ImportAnswer(out, json), concurrency, maxLineBytes,
                "catalog-import-" + runIds.incrementAndGet())) {
            return run.run(new LineReader(in, maxLineBytes));
        }
    }
}

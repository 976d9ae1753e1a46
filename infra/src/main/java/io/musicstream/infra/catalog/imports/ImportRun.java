package io.musicstream.infra.catalog.imports;

import io.musicstream.command.catalog.CatalogIds;
import io.musicstream.infra.web.RequestSizeLimitFilter;
import java.io.IOException;
import java.util.List;

/**
 * One import, on the request's thread: reads lines as they arrive, takes a quick look at each one's kind
 * and UPC to hand it to the {@link ImportPipeline} in its place, and writes progress at least every second
 * or thousand lines. Memory stays bounded: at most one line per worker and one being read.
 */
final class ImportRun implements AutoCloseable {

    private static final long REPORT_NANOS = 1_000_000_000L;
    private static final int REPORT_LINES = 1_000;

    private final CatalogLineParser parser;
    private final LineCommands commands;
    private final ImportAnswer answer;
    private final int maxLineBytes;
    private final ImportTally tally = new ImportTally();
    private final ImportPipeline pipeline;
    private final long started = System.nanoTime();
    private long lines;
    private long lastReport = System.nanoTime();
    private long linesAtLastReport;

    ImportRun(CatalogLineParser parser, LineCommands commands, ImportAnswer answer, int concurrency,
              int maxLineBytes, String threadPrefix) {
        this.parser = parser;
        this.commands = commands;
        this.answer = answer;
        this.maxLineBytes = maxLineBytes;
        this.pipeline = new ImportPipeline(concurrency, threadPrefix, REPORT_NANOS, this::report);
    }

    /**
     * Imports every line of {@code reader}; throws {@link CatalogImporter.ClientGoneException} once every
     * line already handed over is done, when the client stopped reading or sending.
     */
    CatalogImporter.Totals run(LineReader reader) throws IOException {
        try {
            return importLines(reader);
        } catch (CatalogImporter.ClientGoneException gone) {
            pipeline.awaitAllQuietly(); // stop reading; commands already sent complete on their own
            throw gone;
        }
    }

    @Override
    public void close() {
        pipeline.close();
    }

    private CatalogImporter.Totals importLines(LineReader reader) throws IOException {
        answer.progress(totals());
        answer.flush();
        String abortReason = null;
        try {
            LineReader.Line line;
            while ((line = readLine(reader)) != null) {
                lines++;
                handOver(line);
                reportIfDue();
            }
        } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
            tally.refuse(lines + 1, 413, null, null, List.of(tooLarge.getMessage()));
            abortReason = tooLarge.getMessage();
        }
        pipeline.awaitAll();
        writeErrors();
        CatalogImporter.Totals totals = totals();
        if (abortReason != null) {
            answer.aborted(totals, abortReason);
        } else {
            answer.done(totals, (System.nanoTime() - started) / 1e9);
        }
        answer.flush();
        return totals;
    }

    /** The next line; a body over the limit is thrown as is, any other read failure means the client is gone. */
    private static LineReader.Line readLine(LineReader reader) throws IOException {
        try {
            return reader.next();
        } catch (RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
            throw tooLarge;
        } catch (IOException e) {
            throw new CatalogImporter.ClientGoneException("the request body could not be read to its end", e);
        }
    }

    private void handOver(LineReader.Line line) throws IOException {
        if (line.tooLong()) {
            tally.refuse(line.number(), 413, null, null, List.of("the line is longer than " + maxLineBytes + " bytes"));
            return;
        }
        if (line.blank()) {
            return;
        }
        CatalogLineParser.Peek peek = parser.peek(line.bytes(), 0, line.length());
        Runnable work = () -> commands.run(line, tally);
        if ("artist".equals(peek.kind())) {
            pipeline.artist(work);
        } else if ("release".equals(peek.kind())) {
            pipeline.release(peek.upc() == null ? null : CatalogIds.releaseId(peek.upc()), work);
        } else {
            pipeline.unordered(work); // the worker finds and reports what is wrong with it
        }
    }

    private void reportIfDue() throws IOException {
        writeErrors();
        if (lines - linesAtLastReport >= REPORT_LINES || System.nanoTime() - lastReport >= REPORT_NANOS) {
            report();
        }
    }

    private void report() throws IOException {
        writeErrors();
        answer.progress(totals());
        answer.flush();
        lastReport = System.nanoTime();
        linesAtLastReport = lines;
    }

    private void writeErrors() throws IOException {
        ImportTally.Refusal refusal;
        while ((refusal = tally.nextRefusal()) != null) {
            answer.error(refusal);
        }
    }

    private CatalogImporter.Totals totals() {
        return tally.totals(lines);
    }
}

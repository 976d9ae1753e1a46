package io.musicstream.infra.catalog.imports;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What an import did so far: its counts and the refused lines not yet written; every worker updates it. */
final class ImportTally {

    /** A line that was not imported, with the status an HTTP request would have got and why. */
    record Refusal(long line, int status, String upc, String artistId, List<String> errors) {
    }

    private final LongAdder artists = new LongAdder();
    private final LongAdder releases = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder tracks = new LongAdder();
    private final ConcurrentLinkedQueue<Refusal> refusals = new ConcurrentLinkedQueue<>();

    void artistRegistered() {
        artists.increment();
    }

    void releaseIngested(int trackCount) {
        releases.increment();
        tracks.add(trackCount);
    }

    void releaseUpdated(int trackCount) {
        updated.increment();
        tracks.add(trackCount);
    }

    void releaseUnchanged(int trackCount) {
        unchanged.increment();
        tracks.add(trackCount);
    }

    void artistUnchanged() {
        unchanged.increment();
    }

    void refuse(long line, int status, String upc, String artistId, List<String> errors) {
        failed.increment();
        refusals.add(new Refusal(line, status, upc, artistId, errors));
    }

    /** The oldest refusal not yet taken, or null. */
    Refusal nextRefusal() {
        return refusals.poll();
    }

    CatalogImporter.Totals totals(long lines) {
        return new CatalogImporter.Totals(lines, artists.sum(), releases.sum(), updated.sum(), unchanged.sum(),
                failed.sum(), tracks.sum());
    }
}

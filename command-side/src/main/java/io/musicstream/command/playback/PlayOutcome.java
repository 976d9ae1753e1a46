package io.musicstream.command.playback;

import io.musicstream.events.playback.TrackPlayed;

/** What became of one play report. */
public sealed interface PlayOutcome {

    RecordPlay report();

    /** Stored now. */
    record Recorded(RecordPlay report, TrackPlayed played) implements PlayOutcome {
    }

    /** Stored before (a retry or redelivery): nothing new is written; the first report's decision holds. */
    record Duplicate(RecordPlay report, StreamCounting.Decision decision) implements PlayOutcome {
    }

    /**
     * Never stored: {@code reason} is an {@code InvalidInputException} (the report is malformed), an
     * {@code UnknownItemException} (no such track) or an {@code InvalidCommandException} (not playable there).
     */
    record Refused(RecordPlay report, RuntimeException reason) implements PlayOutcome {
    }
}

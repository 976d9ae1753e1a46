package io.musicstream.command.library.web;

import io.musicstream.command.library.OfflineChangeOutcome;
import java.time.Instant;
import java.util.Locale;

/** What became of one offline change, as the API answers it (see {@link OfflineChangeOutcome}). */
record OfflineResult(String clientChangeId, String status, String itemType, String itemId, boolean saved,
                     Instant changedAt, String reason) {

    static OfflineResult of(OfflineChangeOutcome o) {
        return new OfflineResult(o.clientChangeId(), o.status().name().toLowerCase(Locale.ROOT),
                o.itemType().wireName(), o.itemId(), o.saved(), o.changedAt(), o.reason());
    }
}

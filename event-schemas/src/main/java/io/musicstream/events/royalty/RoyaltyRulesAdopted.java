package io.musicstream.events.royalty;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * New rules for paying royalties. A period is decided whole by the version in force at its end: the latest
 * with {@code effectiveFrom} at or before the first instant of the next month.
 *
 * @param version            one more than the previous version; version 1 is {@link #VERSION_1}, never adopted
 * @param minTrackStreams    counted streams a track needs in the 12 months ending at the period's end to earn
 * @param userDailyCap       counted streams per user and UTC day that count for payout; 0 means no cap
 * @param artistMinStreams   ARTIST_CENTRIC: period streams an artist needs to weigh {@code artistWeight} times
 * @param artistMinListeners ARTIST_CENTRIC: distinct listeners those streams must come from
 * @param artistWeight       ARTIST_CENTRIC: weight of a stream of a track with such an artist
 * @param soughtOutWeight    ARTIST_CENTRIC: weight of a stream the listener sought out
 * @param adoptedBy          the admin who adopted them
 */
@Revision("1")
public record RoyaltyRulesAdopted(
        int version,
        PayoutModel model,
        long minTrackStreams,
        int userDailyCap,
        long artistMinStreams,
        long artistMinListeners,
        int artistWeight,
        int soughtOutWeight,
        Instant effectiveFrom,
        String adoptedBy) implements RoyaltyEvent {

    /** The rules in force when none were adopted: pro-rata, every track earns, no cap. */
    public static final RoyaltyRulesAdopted VERSION_1 = new RoyaltyRulesAdopted(1, PayoutModel.PRO_RATA, 0, 0,
            1_000, 500, 2, 2, Instant.EPOCH, null);
}

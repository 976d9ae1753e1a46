package io.musicstream.command.royalty;

/**
 * What one rights holder earns from one track in a pool.
 *
 * @param streams the track's eligible streams after the daily cap, under share lists naming this holder
 */
public record PayoutLine(String trackId, String partyId, long streams, long amountMinor) {
}

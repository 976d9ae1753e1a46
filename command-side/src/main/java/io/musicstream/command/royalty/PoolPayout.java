package io.musicstream.command.royalty;

import java.util.List;

/**
 * The split of one pool: its lines' amounts and {@code unallocatedMinor} sum to {@code poolMinor} exactly.
 *
 * @param lines            one per track and rights holder, ordered by trackId, then partyId
 * @param unallocatedMinor the whole pool when no stream was left to pay for, else 0
 */
public record PoolPayout(long poolMinor, List<PayoutLine> lines, long unallocatedMinor) {

    public PoolPayout {
        lines = List.copyOf(lines);
    }

    /** Whether any stream was left to pay for. */
    public boolean allocated() {
        return unallocatedMinor == 0 && !lines.isEmpty();
    }
}

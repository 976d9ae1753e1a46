package io.musicstream.projections.listening;

/**
 * The two processors of the listening read models, split by what their rows are keyed by:
 * <ul>
 *   <li>{@link #PROCESSING_GROUP} writes each listener's own rows (recently played, top items, heavy rotation):
 *       several segments, a user's plays on one, so segments never write the same row;</li>
 *   <li>{@link #TOTALS_PROCESSING_GROUP} writes rows shared by every listener (charts, analytics, popularity):
 *       one segment, whose batches sum a hot track's plays into one row update, and which no other segment
 *       waits for on a row lock.</li>
 * </ul>
 * Within each, the read models read each play once and commit with one token in one transaction per batch.
 */
public final class Listening {

    public static final String PROCESSING_GROUP = "listening";
    public static final String TOTALS_PROCESSING_GROUP = "listening-totals";

    private Listening() {
    }
}

package io.musicstream.command.playlist;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;

/**
 * What a playlist remembers of its recent revisions to rebase an edit made on an older snapshot: per revision,
 * how positions moved (never the items themselves). Tracing the item now at a position back through these
 * steps finds where it stood at the older snapshot, or that it was not there yet, in O(steps) per position.
 * Bounded by {@link #MAX_REVISIONS} revisions and {@link #MAX_POSITIONS} remembered removal positions, so a
 * playlist's memory and snapshot stay small; older snapshots cannot be rebased from.
 * Part of the playlist's snapshot.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class PlaylistHistory {

    static final int MAX_REVISIONS = 200;
    static final int MAX_POSITIONS = 50_000;

    enum Kind { DETAILS, ADD, REMOVE, MOVE, REPLACE }

    /**
     * How one revision moved positions.
     *
     * @param revision   the revision it made
     * @param sizeBefore the number of items before it
     * @param position   ADD: insertion position; MOVE: range start
     * @param length     ADD: items added; MOVE: range length
     * @param insertBefore MOVE only
     * @param removed    REMOVE only: ascending positions before the removal
     */
    record Step(long revision, Kind kind, int sizeBefore, int position, int length, int insertBefore,
                List<Integer> removed) {

        /** Where the item at {@code after} stood before this step, or -1 when the step brought it. */
        int before(int after) {
            return switch (kind) {
                case DETAILS -> after;
                case ADD -> after < position ? after : after < position + length ? -1 : after - length;
                case REMOVE -> after + removedBefore(after);
                case MOVE -> beforeMove(after);
                case REPLACE -> -1;
            };
        }

        /** How many removed positions stood before the item now at {@code after}: r(j) - j <= after, by bisection. */
        private int removedBefore(int after) {
            int low = 0;
            int high = removed.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (removed.get(mid) - mid <= after) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private int beforeMove(int after) {
            int end = position + length;
            if (insertBefore > end) {
                // moved down: the range now ends just before insertBefore
                int start = insertBefore - length;
                if (after < position || after >= insertBefore) {
                    return after;
                }
                return after >= start ? position + (after - start) : after + length;
            }
            // moved up: the range now starts at insertBefore
            if (after < insertBefore || after >= end) {
                return after;
            }
            return after < insertBefore + length ? position + (after - insertBefore) : after - length;
        }
    }

    private List<Step> steps = new ArrayList<>();
    private int positions;

    void record(Step step) {
        steps.add(step);
        positions += step.removed() == null ? 0 : step.removed().size();
        while (steps.size() > MAX_REVISIONS || (positions > MAX_POSITIONS && steps.size() > 1)) {
            Step dropped = steps.remove(0);
            positions -= dropped.removed() == null ? 0 : dropped.removed().size();
        }
    }

    /** The oldest snapshot edits can be rebased from, given the current revision. */
    long oldest(long current) {
        return steps.isEmpty() ? current : steps.get(0).revision() - 1;
    }

    /** The number of items at {@code snapshot}, which must be at least {@link #oldest} and before the current. */
    int sizeAt(long snapshot) {
        return step(snapshot + 1).sizeBefore();
    }

    /**
     * Where the item now at {@code position} stood at {@code snapshot} (at least {@link #oldest}), or -1 when it
     * was added since.
     */
    int positionAt(int position, long snapshot) {
        int at = position;
        for (int i = steps.size() - 1; i >= 0 && steps.get(i).revision() > snapshot; i--) {
            at = steps.get(i).before(at);
            if (at < 0) {
                return -1;
            }
        }
        return at;
    }

    /** Removal positions remembered, for weighing the playlist in the cache. */
    int rememberedPositions() {
        return positions;
    }

    private Step step(long revision) {
        return steps.get((int) (revision - steps.get(0).revision()));
    }
}

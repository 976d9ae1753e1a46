package io.musicstream.command.playlist.web;

import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two collaborators editing one playlist at the same moment conflict on the aggregate's sequence; the loser is
 * sent again, on fresh state (where its snapshotId, if any, is rebased), up to {@value #ATTEMPTS} times in all.
 */
final class RetryOnConflict {

    static final int ATTEMPTS = 5;

    private RetryOnConflict() {
    }

    static <T> T send(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (ConcurrencyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}

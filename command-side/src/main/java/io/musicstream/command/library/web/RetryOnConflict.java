package io.musicstream.command.library.web;

import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two devices writing one library at the same moment conflict on the aggregate's sequence; the loser is sent
 * again, on fresh state, up to {@value #ATTEMPTS} times in all.
 */
final class RetryOnConflict {

    static final int ATTEMPTS = 3;

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

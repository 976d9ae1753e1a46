package io.musicstream.command.common;

import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two writers of one aggregate at the same moment (devices of one library, collaborators of one playlist) conflict
 * on its sequence; the loser is sent again, on fresh state, up to {@value #ATTEMPTS} times in all.
 */
public final class RetryOnConflict {

    public static final int ATTEMPTS = 5;

    private RetryOnConflict() {
    }

    public static <T> T send(Supplier<T> send) {
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

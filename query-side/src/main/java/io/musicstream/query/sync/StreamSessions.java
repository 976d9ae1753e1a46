package io.musicstream.query.sync;

import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sign-in sessions that push streams belong to, as the security layer sees them: a stream ends when its
 * session ends (logout, revocation, expiry).
 */
public interface StreamSessions {

    /** Request attribute holding the id of the session that authenticated the request. */
    String SESSION_ID_ATTRIBUTE = StreamSessions.class.getName() + ".sessionId";

    /** Those of {@code sessionIds} that have ended. */
    Set<String> ended(Collection<String> sessionIds);

    /** Calls {@code listener} with the id of every session that ends from now on, on any node. */
    void onEnded(Consumer<String> listener);
}

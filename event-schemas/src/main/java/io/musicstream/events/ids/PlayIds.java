package io.musicstream.events.ids;

/**
 * A play's aggregate identifier derives from its user and the client's play id, so the same play id from two
 * users names two plays, and no play id can name another aggregate (those live outside {@code play:}).
 */
public enum PlayIds {
    ;

    private static final String PREFIX = "play:";

    /** {@code userId} never holds ':' (the play rules refuse it), so the two parts cannot be confused. */
    public static String of(String userId, String playId) {
        return PREFIX + userId + ":" + playId;
    }
}

package io.musicstream.command.common;

/**
 * The user may not do this to this aggregate (not its owner, not a collaborator). The web layer answers 403,
 * or 404 where the aggregate's existence is itself private.
 */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}

package io.musicstream.query.sync;

/** A push stream refused because the caller, or the node, already holds as many as allowed. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(String message) {
        super(message);
    }
}

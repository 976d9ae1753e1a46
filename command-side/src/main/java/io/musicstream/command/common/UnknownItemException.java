package io.musicstream.command.common;

/** A command names something that does not exist (a track not on the release, say). */
public class UnknownItemException extends RuntimeException {

    public UnknownItemException(String message) {
        super(message);
    }
}

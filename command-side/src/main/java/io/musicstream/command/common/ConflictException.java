package io.musicstream.command.common;

/** A command that is valid on its own but conflicts with what is already there. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}

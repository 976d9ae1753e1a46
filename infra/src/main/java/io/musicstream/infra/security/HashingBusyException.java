package io.musicstream.infra.security;

/** Too many passwords are being hashed at once; the caller should retry shortly. */
public class HashingBusyException extends RuntimeException {

    HashingBusyException() {
        super("too many password checks at once; retry shortly");
    }
}

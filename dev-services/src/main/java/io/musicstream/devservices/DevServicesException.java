package io.musicstream.devservices;

/** A dev service could not be prepared, started or stopped. The message says which one and shows the tail of its log. */
public class DevServicesException extends RuntimeException {

    public DevServicesException(String message) {
        super(message);
    }

    public DevServicesException(String message, Throwable cause) {
        super(message, cause);
    }
}

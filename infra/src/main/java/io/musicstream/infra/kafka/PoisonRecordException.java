package io.musicstream.infra.kafka;

/** A Kafka record that can never be handled, whatever is retried: it goes to the topic's dead letters. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}

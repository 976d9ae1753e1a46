package io.musicstream.infra.processors;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Set;
import org.axonframework.serialization.SerializationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/** Sorts an event handler's failure: would retrying cure it or not, or is it not known. */
final class HandlerFailures {

    enum Kind {
        /** A server away or busy: retry the batch, never dead-letter. */
        TRANSIENT,
        /** The event itself cannot be handled: dead-letter at once. */
        PERMANENT,
        /** Retried a bounded number of times, then dead-lettered. */
        UNKNOWN
    }

    /** SQLState classes: connection, transaction rollback, resources, operator intervention, system error. */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** SQLState classes: data exception, integrity violation, program limit exceeded (say, a too-long key). */
    private static final Set<String> PERMANENT_SQL_CLASSES = Set.of("22", "23", "54");

    private HandlerFailures() {
    }

    static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                String sqlClass = sql.getSQLState().substring(0, 2);
                if (TRANSIENT_SQL_CLASSES.contains(sqlClass) || "55P03".equals(sql.getSQLState())) {
                    return Kind.TRANSIENT;
                }
                if (PERMANENT_SQL_CLASSES.contains(sqlClass)) {
                    return Kind.PERMANENT;
                }
            }
            if (t instanceof ElasticsearchException es) {
                int status = es.status();
                return status == 429 || status >= 500 ? Kind.TRANSIENT : Kind.PERMANENT;
            }
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransactionException
                    || t instanceof IOException || t instanceof UncheckedIOException) {
                return t instanceof JsonProcessingException ? Kind.PERMANENT : Kind.TRANSIENT;
            }
            if (t instanceof DataIntegrityViolationException || t instanceof IllegalArgumentException
                    || t instanceof NullPointerException || t instanceof ClassCastException
                    || t instanceof SerializationException) {
                return Kind.PERMANENT;
            }
        }
        return Kind.UNKNOWN;
    }
}

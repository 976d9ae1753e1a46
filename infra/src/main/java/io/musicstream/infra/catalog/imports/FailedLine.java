package io.musicstream.infra.catalog.imports;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import java.sql.SQLTransientException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * What an import answers for a line whose command failed: the status the same request over HTTP would have
 * got, and why. 503 means a backing server did not answer (import the line again); 500 is a bug.
 */
record FailedLine(int status, List<String> errors) {

    static final int UNAVAILABLE = 503;
    static final int BUG = 500;

    static FailedLine of(RuntimeException e) {
        InvalidInputException badInput = cause(e, InvalidInputException.class);
        if (badInput != null) {
            return new FailedLine(400, badInput.errors());
        }
        InvalidCommandException invalid = cause(e, InvalidCommandException.class);
        if (invalid != null) {
            return new FailedLine(422, invalid.faults());
        }
        ConflictException conflict = cause(e, ConflictException.class);
        if (conflict != null) {
            return new FailedLine(409, List.of(conflict.getMessage()));
        }
        UnknownItemException unknown = cause(e, UnknownItemException.class);
        if (unknown != null) {
            return new FailedLine(404, List.of(unknown.getMessage()));
        }
        if (cause(e, DataAccessResourceFailureException.class) != null
                || cause(e, TransientDataAccessException.class) != null
                || cause(e, SQLTransientException.class) != null) {
            return new FailedLine(UNAVAILABLE, List.of("a backing server did not answer; import this line again"));
        }
        return new FailedLine(BUG, List.of("something went wrong on our side; quote the requestId when reporting it"));
    }

    /** The first exception of {@code type} in the cause chain of {@code e}, or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}

package io.musicstream.infra.web;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by a backing server that is away (PostgreSQL, Redis, Elasticsearch: refused or lost
 * connections, a full pool that timed out, a command timeout) from a bug. Such failures are 503 with Retry-After:
 * the request was fine and may be retried. Looks through the causes, since Axon and Spring wrap them.
 */
public final class BackendUnavailable {

    /** Seconds a client should wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "2";
    private static final int MAX_DEPTH = 32;

    private BackendUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException // includes Redis and JDBC connection failures
                    || t instanceof QueryTimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof RedisConnectionException
                    || t instanceof RedisCommandTimeoutException
                    || t instanceof ConnectException
                    || t instanceof SQLException sql && connectionState(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }

    /** SQLState class 08 (connection exception) or 57P01-57P03 (server shutting down or starting). */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}

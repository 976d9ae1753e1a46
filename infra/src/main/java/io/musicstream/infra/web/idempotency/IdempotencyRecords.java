package io.musicstream.infra.web.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The idempotency records in PostgreSQL, the source of truth: the primary key (scope, key) lets exactly one
 * request claim a key. Records live {@link #RETENTION}; an expired record is taken over by the next claim.
 * Nothing purges old rows yet: the application enables no scheduling. A purge job should run
 * {@code delete from idempotency_record where created_at < now() - interval '24 hours'}.
 */
@Component
class IdempotencyRecords {

    static final Duration RETENTION = Duration.ofHours(24);

    /** A claimed key: its request's fingerprint and, once the request completed, its answer. */
    record Claim(String fingerprint, Optional<StoredResponse> answer) {
    }

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this request may run: the key was free (or its record expired) and is now in progress. */
    boolean claim(String scope, String key, String fingerprint) {
        return jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, fingerprint, state)
                        values (:scope, :key, :fingerprint, 'in_progress')
                        on conflict (scope, idempotency_key) do update
                            set fingerprint = excluded.fingerprint, state = 'in_progress', status = null,
                                content_type = null, location = null, body = null, created_at = now(),
                                completed_at = null
                            where idempotency_record.created_at < now() - make_interval(secs => :retention)
                        """)
                .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                .param("retention", RETENTION.toSeconds())
                .update() == 1;
    }

    Optional<Claim> find(String scope, String key) {
        return jdbc.sql("""
                        select fingerprint, state, status, content_type, location, body from idempotency_record
                        where scope = :scope and idempotency_key = :key
                        """)
                .param("scope", scope).param("key", key)
                .query((rs, row) -> {
                    String fingerprint = rs.getString("fingerprint");
                    Optional<StoredResponse> answer = "completed".equals(rs.getString("state"))
                            ? Optional.of(new StoredResponse(fingerprint, rs.getInt("status"),
                                    rs.getString("content_type"), rs.getString("location"), rs.getBytes("body")))
                            : Optional.empty();
                    return new Claim(fingerprint, answer);
                })
                .optional();
    }

    void complete(String scope, String key, StoredResponse answer) {
        jdbc.sql("""
                        update idempotency_record
                        set state = 'completed', status = :status, content_type = :contentType,
                            location = :location, body = :body, completed_at = now()
                        where scope = :scope and idempotency_key = :key and state = 'in_progress'
                        """)
                .param("status", answer.status()).param("contentType", answer.contentType())
                .param("location", answer.location()).param("body", answer.body())
                .param("scope", scope).param("key", key)
                .update();
    }

    /** Frees a key whose request failed on our side, so that a retry runs again. */
    void release(String scope, String key) {
        jdbc.sql("delete from idempotency_record where scope = :scope and idempotency_key = :key"
                        + " and state = 'in_progress'")
                .param("scope", scope).param("key", key)
                .update();
    }
}

package io.musicstream.infra.web.idempotency;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The idempotency records in PostgreSQL, the source of truth: the primary key (scope, key) lets exactly one
 * request claim a key. A completed record lives {@code music.idempotency.retention} (24 h) and is then taken over
 * by the next claim or deleted by {@link IdempotencyPurge}. A claim still in progress after
 * {@code music.idempotency.lease} (30 s) belongs to a request that crashed or hangs, and the next claim takes it
 * over; the lease must exceed the longest write request. A claim is identified by the time it was taken, so a
 * request whose claim was taken over can neither complete nor release its successor's.
 */
@Component
class IdempotencyRecords {

    /** A claimed key: its request's fingerprint and, once the request completed, its answer. */
    record Claim(String fingerprint, Optional<StoredResponse> answer) {
    }

    private final JdbcClient jdbc;
    private final Duration lease;
    private final Duration retention;

    IdempotencyRecords(JdbcClient jdbc, @Value("${music.idempotency.lease:30s}") Duration lease,
                       @Value("${music.idempotency.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.retention = retention;
    }

    Duration retention() {
        return retention;
    }

    /**
     * Claims the key for this request: present (the claim's time, its token) if the key was free, its record
     * expired or its claim's lease ran out; empty if another request holds it or completed it.
     */
    Optional<OffsetDateTime> claim(String scope, String key, String fingerprint) {
        return jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, fingerprint, state)
                        values (:scope, :key, :fingerprint, 'in_progress')
                        on conflict (scope, idempotency_key) do update
                            set fingerprint = excluded.fingerprint, state = 'in_progress', status = null,
                                content_type = null, location = null, body = null, created_at = now(),
                                completed_at = null
                            where idempotency_record.created_at < now() - make_interval(secs => :retention)
                               or (idempotency_record.state = 'in_progress'
                                   and idempotency_record.created_at < now() - make_interval(secs => :lease))
                        returning created_at
                        """)
                .param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                .param("retention", seconds(retention)).param("lease", seconds(lease))
                .query((rs, row) -> rs.getObject("created_at", OffsetDateTime.class))
                .optional();
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

    void complete(String scope, String key, OffsetDateTime claimed, StoredResponse answer) {
        jdbc.sql("""
                        update idempotency_record
                        set state = 'completed', status = :status, content_type = :contentType,
                            location = :location, body = :body, completed_at = now()
                        where scope = :scope and idempotency_key = :key and state = 'in_progress'
                          and created_at = :claimed
                        """)
                .param("status", answer.status()).param("contentType", answer.contentType())
                .param("location", answer.location()).param("body", answer.body())
                .param("scope", scope).param("key", key).param("claimed", claimed)
                .update();
    }

    /** Frees a key whose request failed on our side or got an answer worth retrying, so a retry runs again. */
    void release(String scope, String key, OffsetDateTime claimed) {
        jdbc.sql("delete from idempotency_record where scope = :scope and idempotency_key = :key"
                        + " and state = 'in_progress' and created_at = :claimed")
                .param("scope", scope).param("key", key).param("claimed", claimed)
                .update();
    }

    /** Deletes up to {@code batch} records older than the retention; returns how many it deleted. */
    int purgeExpired(int batch) {
        return jdbc.sql("""
                        delete from idempotency_record where ctid = any(array(
                            select ctid from idempotency_record
                            where created_at < now() - make_interval(secs => :retention)
                            limit :batch))
                        """)
                .param("retention", seconds(retention)).param("batch", batch)
                .update();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}

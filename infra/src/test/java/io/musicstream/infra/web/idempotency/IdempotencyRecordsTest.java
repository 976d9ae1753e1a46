package io.musicstream.infra.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.IntegrationTest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Lease, retryable answers and purge of the idempotency records, on the real PostgreSQL. */
class IdempotencyRecordsTest extends IntegrationTest {

    private static final String FINGERPRINT = "f".repeat(64);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyRecords records;
    @Autowired
    IdempotencyPurge purge;
    @Autowired
    IdempotencyFilter filter;

    @Test
    void aClaimLeftInProgressPastTheLeaseIsTakenOver() {
        String scope = "user:" + UUID.randomUUID();
        insert(scope, "stale", "in_progress", "now() - interval '31 seconds'");
        insert(scope, "running", "in_progress", "now() - interval '5 seconds'");

        assertThat(records.claim(scope, "stale", FINGERPRINT)).isPresent();
        assertThat(records.claim(scope, "running", FINGERPRINT)).isEmpty();
    }

    @Test
    void aCompletedAnswerIsKeptPastTheLeaseButNotPastTheRetention() {
        String scope = "user:" + UUID.randomUUID();
        insert(scope, "done-recently", "completed", "now() - interval '1 hour'");
        insert(scope, "done-long-ago", "completed", "now() - interval '25 hours'");

        assertThat(records.claim(scope, "done-recently", FINGERPRINT)).isEmpty();
        assertThat(records.claim(scope, "done-long-ago", FINGERPRINT)).isPresent();
    }

    @Test
    void aRequestWhoseClaimWasTakenOverCannotCompleteOrReleaseItsSuccessors() {
        String scope = "user:" + UUID.randomUUID();
        var first = records.claim(scope, "k", FINGERPRINT).orElseThrow();
        jdbc.sql("update idempotency_record set created_at = now() - interval '1 minute' where scope = :scope")
                .param("scope", scope).update();
        var second = records.claim(scope, "k", FINGERPRINT).orElseThrow();

        records.release(scope, "k", first);
        records.complete(scope, "k", first, new StoredResponse(FINGERPRINT, 201, null, null, new byte[0]));

        assertThat(records.find(scope, "k").orElseThrow().answer()).isEmpty();
        records.complete(scope, "k", second, new StoredResponse(FINGERPRINT, 201, null, null, new byte[0]));
        assertThat(records.find(scope, "k").orElseThrow().answer()).isPresent();
    }

    @Test
    void aConcurrentChangeConflictIsNotStoredSoTheRetryRunsAgain() throws Exception {
        assertRetryRunsAgainAfter(409, true);
    }

    @Test
    void anUnavailableAnswerIsNotStoredSoTheRetryRunsAgain() throws Exception {
        assertRetryRunsAgainAfter(503, true);
    }

    @Test
    void aTooManyRequestsAnswerIsNotStoredSoTheRetryRunsAgain() throws Exception {
        assertRetryRunsAgainAfter(429, true);
    }

    @Test
    void aDomainConflictWithoutRetryAfterIsTheFinalAnswer() throws Exception {
        String key = "conflict-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        FilterChain conflict = (req, res) -> {
            runs.incrementAndGet();
            ((HttpServletResponse) res).setStatus(409);
        };

        send(key, conflict);
        MockHttpServletResponse retry = send(key, conflict);

        assertThat(runs).hasValue(1);
        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void purgeDeletesRecordsPastTheRetentionInBatchesAndKeepsYoungerOnes() {
        String scope = "user:" + UUID.randomUUID();
        jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, fingerprint, state, status, created_at)
                        select :scope, 'old-' || n, :fingerprint, 'completed', 201, now() - interval '25 hours'
                        from generate_series(1, :n) n
                        """)
                .param("scope", scope).param("fingerprint", FINGERPRINT).param("n", IdempotencyPurge.BATCH * 2 + 10)
                .update();
        insert(scope, "young", "completed", "now() - interval '23 hours'");

        int purged = purge.purgeAll();

        assertThat(purged).isGreaterThanOrEqualTo(IdempotencyPurge.BATCH * 2 + 10);
        assertThat(jdbc.sql("select idempotency_key from idempotency_record where scope = :scope")
                .param("scope", scope).query(String.class).list()).containsExactly("young");
    }

    private void assertRetryRunsAgainAfter(int status, boolean retryAfter) throws Exception {
        String key = "retryable-" + status + "-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();

        MockHttpServletResponse first = send(key, (req, res) -> {
            runs.incrementAndGet();
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(status);
            if (retryAfter) {
                response.setHeader("Retry-After", "1");
            }
        });
        MockHttpServletResponse retry = send(key, (req, res) -> {
            runs.incrementAndGet();
            ((HttpServletResponse) res).setStatus(201);
        });

        assertThat(first.getStatus()).isEqualTo(status);
        assertThat(runs).as("the retry ran again").hasValue(2);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
    }

    private MockHttpServletResponse send(String key, FilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/artists");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private void insert(String scope, String key, String state, String createdAt) {
        jdbc.sql("insert into idempotency_record (scope, idempotency_key, fingerprint, state, status, created_at)"
                        + " values (:scope, :key, :fingerprint, :state, :status, " + createdAt + ")")
                .param("scope", scope).param("key", key).param("fingerprint", FINGERPRINT).param("state", state)
                .param("status", "completed".equals(state) ? 201 : null, java.sql.Types.SMALLINT)
                .update();
    }
}

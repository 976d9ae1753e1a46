package io.musicstream.infra.web.idempotency;

import io.musicstream.infra.common.Sha256;

import io.musicstream.infra.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every write under /api/ with an {@code Idempotency-Key} runs at most once per caller and key: a retry of
 * the same request gets the first answer (marked {@code Idempotent-Replayed: true}) and writes nothing new.
 * Runs after Spring Security, so the caller is known. PostgreSQL decides who runs; Redis only speeds up
 * replays. Answers worth retrying (5xx, 429, and a 409 with Retry-After such as a concurrent change) are not
 * kept: the claim is released, so a retry runs again.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Passwords and bearer tokens pass through here; such bodies and answers must not be stored. */
    private static final String CREDENTIALS_PATH = "/api/v1/auth/";
    /** Streamed and idempotent by content (a repeated import writes nothing); its body must not be held. */
    private static final String IMPORT_PATH = "/api/v1/catalog/imports";
    /** Anonymous until its signature is checked, and idempotent by the provider's event id. */
    private static final String BILLING_PATH = "/api/v1/billing/";

    private final IdempotencyRecords records;
    private final ReplayCache cache;
    private final Problems problems;

    IdempotencyFilter(IdempotencyRecords records, ReplayCache cache, Problems problems) {
        this.records = records;
        this.cache = cache;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getHeader(HEADER) == null || !WRITE_METHODS.contains(request.getMethod())
                || !path.startsWith("/api/") || path.startsWith(CREDENTIALS_PATH) || path.startsWith(IMPORT_PATH)
                || path.startsWith(BILLING_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "the Idempotency-Key header must be 1 to 200 letters, digits, '.', '_', ':' or '-'");
            return;
        }
        CachedBodyRequest read = CachedBodyRequest.readOrRefuse(request, response, problems);
        if (read == null) {
            return;
        }
        String scope = scope();
        String fingerprint = fingerprint(request, read.body());

        Optional<StoredResponse> cached = cache.find(scope, key).filter(a -> a.fingerprint().equals(fingerprint));
        if (cached.isPresent()) {
            replay(cached.get(), response);
        } else {
            Optional<OffsetDateTime> claimed = records.claim(scope, key, fingerprint);
            if (claimed.isPresent()) {
                runOnce(read, response, chain, scope, key, claimed.get(),
                        fingerprint);
            } else {
                answerRetry(request, response, scope, key, fingerprint);
            }
        }
    }

    private void runOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope,
                         String key, OffsetDateTime claimed, String fingerprint) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            releaseQuietly(scope, key, claimed);
            throw e;
        }
        if (retryable(captured)) {
            releaseQuietly(scope, key, claimed);
        } else {
            StoredResponse answer = new StoredResponse(fingerprint, captured.getStatus(), captured.getContentType(),
                    captured.getHeader(HttpHeaders.LOCATION), captured.getContentAsByteArray());
            try {
                records.complete(scope, key, claimed, answer);
                cache.put(scope, key, answer);
            } catch (RuntimeException e) {
                // the write happened: keep the claim, so that retries get 409 rather than a second write
                log.error("could not store the answer for an Idempotency-Key; retries get 409 until its lease ends",
                        e);
            }
        }
        captured.copyBodyToResponse();
    }

    private void answerRetry(HttpServletRequest request, HttpServletResponse response, String scope, String key,
                             String fingerprint) throws IOException {
        Optional<IdempotencyRecords.Claim> claim = records.find(scope, key);
        if (claim.isPresent() && !claim.get().fingerprint().equals(fingerprint)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key reused with a different request",
                    "this Idempotency-Key was first sent with another method, path or body; use a new key");
        } else if (claim.isPresent() && claim.get().answer().isPresent()) {
            StoredResponse answer = claim.get().answer().get();
            cache.put(scope, key, answer);
            replay(answer, response);
        } else {
            // still running, or just released by a failed first attempt
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problems.write(request, response, HttpStatus.CONFLICT, "Request in progress",
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
    }

    private static void replay(StoredResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, answer.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** An answer that says "try again": storing it would give every retry the same failure. */
    static boolean retryable(HttpServletResponse answer) {
        int status = answer.getStatus();
        return status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.value()
                || status == HttpStatus.CONFLICT.value() && answer.getHeader(HttpHeaders.RETRY_AFTER) != null;
    }

    private void releaseQuietly(String scope, String key, OffsetDateTime claimed) {
        try {
            records.release(scope, key, claimed);
        } catch (RuntimeException e) {
            log.warn("could not release an Idempotency-Key after a failed request; it stays taken until its lease"
                    + " ends", e);
        }
    }

    private static String scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return "anonymous";
        }
        return "user:" + auth.getName();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        String target = request.getRequestURI() + (query == null ? "" : "?" + query);
        return Sha256.hex((request.getMethod() + " " + target + "\n" + Sha256.hex(body))
                .getBytes(StandardCharsets.UTF_8));
    }
}

package io.musicstream.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A backing server that is away while a filter runs (the session check in Redis, the idempotency claim in
 * PostgreSQL) is a 503 problem with Retry-After, not a 500 error page. Controllers' failures are mapped by
 * {@link ProblemHandler}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class BackendUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BackendUnavailableFilter.class);
    private final Problems problems;

    public BackendUnavailableFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!BackendUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("a backing service is unavailable: {}", e.toString());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, BackendUnavailable.RETRY_AFTER_SECONDS);
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "a backing service is not answering; retry shortly");
        }
    }
}

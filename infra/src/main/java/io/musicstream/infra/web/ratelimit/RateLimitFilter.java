package io.musicstream.infra.web.ratelimit;

import io.musicstream.infra.common.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicstream.infra.web.Problems;
import io.musicstream.infra.web.idempotency.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts requests against the quotas of {@code music.rate-limits}: login and register per username and per
 * client address, writes under /api per user, search and suggest per user, payment provider callbacks per
 * client address. Runs after Spring Security (the user is known) and before the idempotency filter (a refused
 * request claims no key). Every answer of a limited endpoint carries {@code RateLimit-Policy} and
 * {@code RateLimit} (IETF httpapi draft); a refused one is a 429 problem with {@code Retry-After}.
 *
 * <p>When Redis is away, login and register are refused with 503 (they guard passwords, and a login needs Redis
 * for its session anyway); other requests pass unlimited and are counted in {@code music.rate_limit.unavailable}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String STATE_HEADER = "RateLimit";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String REGISTER = "/api/v1/auth/register";
    private static final String AUTH = "/api/v1/auth/";
    private static final String SEARCH = "/api/v1/search";
    private static final String BILLING = "/api/v1/billing/";
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RedisRateLimiter limiter;
    private final RateLimitProperties limits;
    private final Problems problems;
    private final MeterRegistry meters;
    private final JsonMapper json = Json.MAPPER;

    RateLimitFilter(RedisRateLimiter limiter, RateLimitProperties limits, Problems problems, MeterRegistry meters) {
        this.limiter = limiter;
        this.limits = limits;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        String method = request.getMethod();
        List<Count> counts = new ArrayList<>(2);
        String address = request.getRemoteAddr();
        boolean login = "POST".equals(method) && path.equals(LOGIN);
        if (login || "POST".equals(method) && path.equals(REGISTER)) {
            CachedBodyRequest read = CachedBodyRequest.readOrRefuse(request, response, problems);
            if (read == null) {
                return;
            }
            request = read;
            String username = username(read.body());
            if (username != null) {
                counts.add(new Count(new Policy(login ? "login" : "register",
                        login ? limits.login() : limits.register(), true), username));
            }
            counts.add(new Count(new Policy(login ? "login-ip" : "register-ip",
                    login ? limits.loginIp() : limits.registerIp(), true), address));
        } else if (path.startsWith(BILLING)) {
            // anonymous until its signature is checked, so counted per address
            counts.add(new Count(new Policy("billing", limits.billing(), false), address));
        } else {
            String user = user();
            if (user != null && WRITE_METHODS.contains(method) && !path.startsWith(AUTH)) {
                counts.add(new Count(new Policy("writes", limits.writes(), false), user));
            } else if (user != null && "GET".equals(method)
                    && (path.equals(SEARCH) || path.startsWith(SEARCH + "/"))) {
                counts.add(new Count(new Policy("search", limits.search(), false), user));
            }
        }
        if (counts.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }

        List<RateLimitDecision> decisions = new ArrayList<>(counts.size());
        for (Count count : counts) {
            try {
                decisions.add(limiter.consume(count.policy(), count.subject()));
            } catch (RateLimiterUnavailableException away) {
                meters.counter("music.rate_limit.unavailable", "policy", count.policy().name()).increment();
                if (count.policy().failClosed()) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(away.retryAfterSeconds()));
                    problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                            "the rate limiter's store is not answering; retry shortly");
                    return;
                }
            }
        }
        if (!decisions.isEmpty()) {
            response.setHeader(POLICY_HEADER, decisions.stream()
                    .map(d -> "\"" + d.policy().name() + "\";q=" + d.policy().quota().limit() + ";w="
                            + d.policy().quota().windowSeconds())
                    .collect(Collectors.joining(", ")));
            response.setHeader(STATE_HEADER, decisions.stream()
                    .map(d -> "\"" + d.policy().name() + "\";r=" + d.remaining() + ";t=" + d.resetSeconds())
                    .collect(Collectors.joining(", ")));
        }
        List<RateLimitDecision> refused = decisions.stream().filter(d -> !d.allowed()).toList();
        if (!refused.isEmpty()) {
            long retryAfter = refused.stream().mapToLong(RateLimitDecision::retryAfterSeconds).max().orElse(1);
            refused.forEach(d -> meters.counter("music.rate_limit.rejected", "policy", d.policy().name())
                    .increment());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "rate limit " + refused.stream().map(d -> "'" + d.policy().name() + "' ("
                            + d.policy().quota().limit() + " per " + d.policy().quota().windowSeconds() + " s)")
                            .collect(Collectors.joining(" and ")) + " reached; retry after " + retryAfter + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private record Count(Policy policy, String subject) {
    }

    /** The username of a login or register body, lower-cased; null when the body is not such JSON. */
    private String username(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode username = node == null ? null : node.get("username");
            return username != null && username.isString() && !username.asString().isBlank()
                    ? username.asString().strip().toLowerCase(Locale.ROOT) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}

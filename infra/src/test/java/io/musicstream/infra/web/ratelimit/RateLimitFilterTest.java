package io.musicstream.infra.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.musicstream.infra.web.Problems;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The limiter against a Redis that is away: a real Lettuce client pointed at a closed port. */
class RateLimitFilterTest {

    private RedisClient redis;
    private RedisRateLimiter limiter;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private RateLimitFilter filter;

    @BeforeEach
    void redisThatIsAway() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        redis = RedisClient.create("redis://127.0.0.1:" + closedPort);
        limiter = new RedisRateLimiter(() -> redis, Duration.ofMillis(300), Duration.ofSeconds(5));
        RateLimitProperties limits = new RateLimitProperties(true, Duration.ofMillis(300), Duration.ofSeconds(5),
                null, null, null, null, null, null, null);
        filter = new RateLimitFilter(limiter, limits, new Problems(), meters);
    }

    @AfterEach
    void close() {
        SecurityContextHolder.clearContext();
        limiter.close();
        redis.shutdown();
    }

    @Test
    void searchPassesUnlimitedAndIsCountedWhenRedisIsAway() throws Exception {
        signedIn("user-1");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/search");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("the search went on").isNotNull();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit")).isNull();
        assertThat(meters.counter("music.rate_limit.unavailable", "policy", "search").count()).isEqualTo(1);
    }

    @Test
    void writesPassUnlimitedWhenRedisIsAway() throws Exception {
        signedIn("user-1");
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/me/library/tracks/t1");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(meters.counter("music.rate_limit.unavailable", "policy", "writes").count()).isEqualTo(1);
    }

    @Test
    void loginIsRefusedWith503AndRetryAfterWhenRedisIsAway() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        request.setContentType("application/json");
        request.setContent("{\"username\":\"someone\",\"password\":\"secret secret\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("no password was checked").isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 5L);
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("Exception");
    }

    @Test
    void anOutageCostsOneAttemptThenFailsFastUntilTheRetryInterval() {
        Policy search = new Policy("search", RateLimitProperties.Quota.orDefault(null, 10, Duration.ofMinutes(1)),
                false);

        assertThatThrownBy(() -> limiter.consume(search, "user-1"))
                .isInstanceOf(RateLimiterUnavailableException.class).hasCauseInstanceOf(RuntimeException.class);
        long started = System.nanoTime();
        assertThatThrownBy(() -> limiter.consume(search, "user-1"))
                .isInstanceOf(RateLimiterUnavailableException.class).hasNoCause();
        assertThat(System.nanoTime() - started).isLessThan(Duration.ofMillis(50).toNanos());
    }

    @Test
    void requestsOutsideTheApiAreNotLimited() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).isNotNull();
        assertThat(meters.find("music.rate_limit.unavailable").counters()).isEmpty();
    }

    private static void signedIn(String userId) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                userId, "token", List.of(new SimpleGrantedAuthority("ROLE_LISTENER"))));
    }
}

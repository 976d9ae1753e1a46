package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.web.BackendUnavailableFilter;
import io.musicstream.infra.web.Problems;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The bearer check against a Redis that is away (a real Lettuce client on a closed port) answers 503. */
class RedisAwayTest {

    private LettuceConnectionFactory redis;

    @BeforeEach
    void redisThatIsAway() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        redis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(1)).build());
        redis.afterPropertiesSet();
        redis.start();
    }

    @AfterEach
    void close() {
        redis.destroy();
    }

    @Test
    void aBearerTokenCheckedWhileRedisIsAwayIs503WithRetryAfter() throws Exception {
        StringRedisTemplate template = new StringRedisTemplate(redis);
        SessionStore sessions = new SessionStore(template, Duration.ofDays(7), Duration.ofSeconds(10));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.addHeader("Authorization", "Bearer " + "a".repeat(43));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain(new HttpServlet() {
        }, new BackendUnavailableFilter(new Problems()), new BearerTokenFilter(sessions));

        chain.doFilter(request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isNotBlank();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("Exception");
    }
}

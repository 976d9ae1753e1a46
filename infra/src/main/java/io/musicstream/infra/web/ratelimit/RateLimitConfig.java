package io.musicstream.infra.web.ratelimit;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.musicstream.infra.web.Problems;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfig {

    /** Shares the Lettuce client (its URL, credentials, threads) that Spring Data Redis built. */
    @Bean(destroyMethod = "close")
    RedisRateLimiter redisRateLimiter(LettuceConnectionFactory redis, RateLimitProperties limits) {
        return new RedisRateLimiter(() -> (RedisClient) redis.getRequiredNativeClient(), limits.redisTimeout(),
                limits.retryRedisAfter());
    }

    @EventListener(ApplicationReadyEvent.class)
    void connectRateLimiter(ApplicationReadyEvent ready) {
        RateLimitProperties limits = ready.getApplicationContext().getBean(RateLimitProperties.class);
        if (limits.enabled()) {
            ready.getApplicationContext().getBean(RedisRateLimiter.class).connect();
        }
    }

    /** After Spring Security (the user is known), before the idempotency filter (a 429 claims no key). */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RedisRateLimiter limiter, RateLimitProperties limits,
                                                            Problems problems, MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, limits, problems, meters));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }
}

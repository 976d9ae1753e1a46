package io.musicstream.infra.security;

import io.musicstream.infra.web.Problems;
import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * No Micrometer observation around each security filter, authentication and authorization: a dozen
     * observations per request cost more than the sync feed's own work. Requests are still timed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Evicts sessions closed on other nodes from this node's cache of recently checked sessions. */
    @Bean
    RedisMessageListenerContainer sessionsClosedElsewhere(RedisConnectionFactory redis, SessionStore sessions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener((message, pattern) ->
                        sessions.closedElsewhere(new String(message.getBody(), StandardCharsets.US_ASCII)),
                new ChannelTopic(SessionStore.CLOSED_CHANNEL));
        return container;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, SessionStore sessions, Problems problems) throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(sessions), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // an async dispatch finishes a request already authorized (a push stream that ended); the
                        // bearer filter does not run on it, so it would otherwise look anonymous
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/api/v1/auth/register", "/api/v1/auth/login").permitAll()
                        // the payment provider proves itself by the body's signature (BillingController), not a session
                        .requestMatchers(HttpMethod.POST, "/api/v1/billing/plan-events").permitAll()
                        // anonymous health is the overall status only (show-components: when-authorized)
                        .requestMatchers("/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
                                HttpStatus.UNAUTHORIZED, "Authentication required",
                                "send Authorization: Bearer <token> from POST /api/v1/auth/login"))
                        .accessDeniedHandler((request, response, ex) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "Forbidden", "your roles do not allow this")));
        return http.build();
    }
}

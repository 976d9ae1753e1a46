package io.musicstream.infra.config;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops the start-up, naming the environment variables to set, when the configuration misses a server's URL: the
 * service never falls back to a server of its own or on localhost. Runs last, after anything that supplies URLs.
 */
public class ServiceUrlsRequired implements EnvironmentPostProcessor, Ordered {

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Set<RequiredService> missing = EnumSet.noneOf(RequiredService.class);
        for (RequiredService service : RequiredService.values()) {
            if (!service.isConfigured(env)) {
                missing.add(service);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingServiceUrlException(missing);
        }
    }
}

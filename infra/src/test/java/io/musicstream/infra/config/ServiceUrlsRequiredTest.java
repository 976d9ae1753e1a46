package io.musicstream.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServiceUrlsRequiredTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        // only what the test gives: not the URLs the test run's own servers put in system properties
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        return env;
    }

    @Test
    void startRefusesToRunWithoutServiceUrlsAndNamesTheVariables() {
        StandardEnvironment env = environment(Map.of("music.elasticsearch.url", "http://search:9200"));

        assertThatThrownBy(() -> new ServiceUrlsRequired().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(MissingServiceUrlException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL")
                .hasMessageContaining("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .hasMessageContaining("SPRING_DATA_REDIS_URL")
                .hasMessageNotContaining("MUSIC_ELASTICSEARCH_URL");
    }

    @Test
    void theServiceStartsNoServerOfItsOwn() {
        StandardEnvironment env = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/music"));

        assertThatThrownBy(() -> new ServiceUrlsRequired().postProcessEnvironment(env, new SpringApplication()))
                .isInstanceOf(MissingServiceUrlException.class)
                .hasMessageContaining("MUSIC_ELASTICSEARCH_URL")
                .hasMessageNotContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void startWithEveryServiceUrlGoesOn() {
        StandardEnvironment env = environment(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db/music",
                "spring.kafka.bootstrap-servers", "kafka:9092",
                "music.elasticsearch.url", "http://search:9200",
                "spring.data.redis.host", "cache"));

        new ServiceUrlsRequired().postProcessEnvironment(env, new SpringApplication());

        assertThat(env.getPropertySources().contains("music-dev-services")).isFalse();
    }

    @Test
    void missingUrlIsReportedAsOneClearParagraph() {
        StandardEnvironment env = environment(Map.of());
        MissingServiceUrlException failure = null;
        try {
            new ServiceUrlsRequired().postProcessEnvironment(env, new SpringApplication());
        } catch (MissingServiceUrlException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();

        FailureAnalysis analysis = new MissingServiceUrlFailureAnalyzer().analyze(failure);

        assertThat(analysis.getDescription()).contains("PostgreSQL").contains("SPRING_DATASOURCE_URL");
        assertThat(analysis.getAction()).contains("make run").contains("SPRING_DATASOURCE_URL");
    }
}

package io.musicstream.infra.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
public class KafkaConfig {

    public static final String PLAY_EVENTS = "play-events";
    public static final String PLAY_EVENTS_DEAD_LETTERS = "play-events.dlt";

    @Bean
    NewTopic playEventsTopic() {
        return TopicBuilder.name(PLAY_EVENTS).partitions(6).replicas(1).build();
    }

    @Bean
    NewTopic playEventsDeadLetterTopic() {
        return TopicBuilder.name(PLAY_EVENTS_DEAD_LETTERS).partitions(1).replicas(1).build();
    }

    /** Kafka's admin client for health checks; one long-lived instance. */
    @Bean(destroyMethod = "close")
    AdminClient kafkaAdminClient(KafkaAdmin admin) {
        return AdminClient.create(admin.getConfigurationProperties());
    }

    /**
     * A record that cannot be handled because a server is away is retried until it is, never skipped: plays
     * are money. Records that are bad in themselves never reach here; the listener dead-letters them.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}

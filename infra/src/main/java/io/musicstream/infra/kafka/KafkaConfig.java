package io.musicstream.infra.kafka;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
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
    /** Header of a dead letter that says why it could not be handled. */
    public static final String REASON_HEADER = "x-reason";
    private static final int MAX_REASON = 1_000;
    /** Connection exceptions, insufficient resources, operator intervention, transaction rollbacks. */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "53", "57", "40");
    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

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
     * Where records that can never be stored go (malformed, failing the boundary check, naming an unknown or
     * unplayable track, refused by the database as data), with the reason in the {@value #REASON_HEADER}
     * header. Publishing waits for the broker's acknowledgement, so a record is dead-lettered before its offset
     * is committed.
     */
    @Bean
    DeadLetterPublishingRecoverer playEventsDeadLetters(KafkaTemplate<String, String> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(PLAY_EVENTS_DEAD_LETTERS, -1));
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        recoverer.addHeadersFunction((record, e) -> {
            String reason = reason(e);
            log.warn("{}-{}@{} dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
            return new RecordHeaders().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        });
        return recoverer;
    }

    /**
     * Play events arrive in batches of up to {@code music.plays.ingest.max-poll-records}, one transaction per
     * batch. The listener dead-letters what can never be stored itself and throws only when a server is away:
     * the batch is then tried again, with growing pauses, until the server is back (plays are money), and the
     * plays it had stored are recognised as duplicates.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> playEventBatches(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            @Value("${music.plays.ingest.consumers:3}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        ExponentialBackOff untilBack = new ExponentialBackOff(200, 2.0);
        untilBack.setMaxInterval(10_000);
        untilBack.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(untilBack));
        return factory;
    }

    /** A server (PostgreSQL, Kafka) that is away or overloaded: the same record may succeed later. */
    public static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof AxonTransientException
                    || t instanceof RetriableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The message of the failure that decided the record's fate, for the dead letter's header. */
    public static String reason(Throwable e) {
        Throwable decisive = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            decisive = t;
            if (t instanceof PoisonRecordException || t instanceof InvalidInputException
                    || t instanceof InvalidCommandException || t instanceof UnknownItemException) {
                break;
            }
        }
        String reason = decisive.getMessage() == null ? decisive.getClass().getName() : decisive.getMessage();
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }
}

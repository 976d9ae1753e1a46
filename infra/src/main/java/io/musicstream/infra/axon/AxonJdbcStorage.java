package io.musicstream.infra.axon;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC storage, declared here because Axon 4.13's auto-configuration orders itself after Boot 3's
 * JDBC auto-configuration classes, which Boot 4 moved: left alone, it sees no DataSource or transaction
 * manager and falls back to no event store and no transactions.
 */
@Configuration(proxyBeanMethods = false)
public class AxonJdbcStorage {

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** PostgreSQL reports duplicate keys as SQLState 23505; the aggregate-stream uniqueness relies on it. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        JdbcSQLErrorCodesResolver jdbcResolver = new JdbcSQLErrorCodesResolver();
        return e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    return true;
                }
            }
            return jdbcResolver.isDuplicateKeyViolation(e);
        };
    }

    /**
     * How long processors wait for a global index drawn by a transaction that has not committed yet. Axon's
     * default (60 s) would let a slow transaction's events be skipped by every tracking processor, the sync
     * feed's included; 10 minutes is far beyond any command transaction here.
     */
    private static final int GAP_TIMEOUT_MILLIS = 600_000;

    /** Events per read that fills the processors' shared cache (see BoundedTailJdbcEventStorageEngine). */
    private static final int TAIL_SLICE = 1_000;

    /** Events per query of a processor reading behind the head (a replay); Axon's default is 100. */
    private static final int FETCH_BATCH = 1_000;

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema schema,
                                          org.axonframework.config.Configuration configuration) {
        return new BoundedTailJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(schema)
                .dataType(byte[].class)
                .batchSize(FETCH_BATCH)
                .gapTimeout(GAP_TIMEOUT_MILLIS), TAIL_SLICE);
    }

    /**
     * Events the processors share in memory at the head of the stream. A processor whose last token the cache
     * does not hold (its gaps differ from the cached tokens' after reading on its own) walks the whole cache
     * on each read; with Axon's default of 10,000 those walks took more CPU than the events' handling.
     */
    private static final int CACHED_EVENTS = 1_000;

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema schema) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(schema)
                .contentType(byte[].class)
                .build();
    }

    @Bean
    JdbcSagaStore sagaStore(ConnectionProvider connectionProvider, Serializer serializer, SagaSqlSchema schema) {
        return JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .sqlSchema(schema)
                .build();
    }
}

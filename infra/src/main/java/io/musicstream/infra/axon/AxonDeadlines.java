package io.musicstream.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Axon's deadlines in PostgreSQL through db-scheduler ({@code scheduled_tasks}, made by Flyway): a deadline
 * outlives a restart, and fires once on one node when several run. Scheduling and cancelling join the
 * transaction of the handler that asks, so a rolled-back saga leaves no deadline behind.
 */
@Configuration(proxyBeanMethods = false)
public class AxonDeadlines {

    static final String TABLE = "scheduled_tasks";

    @Bean
    Task<DbSchedulerBinaryDeadlineDetails> deadlineTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /** Started and stopped with Axon (by the deadline manager), so deadlines fire only into a running Axon. */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, Task<DbSchedulerBinaryDeadlineDetails> deadlineTask,
                                @Value("${music.deadlines.polling-interval:PT2S}") Duration pollingInterval,
                                @Value("${music.deadlines.threads:2}") int threads) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.<Task<?>>of(deadlineTask))
                .tableName(TABLE)
                .pollingInterval(pollingInterval)
                .threads(threads)
                // a deadline's handler is short; a stop does not wait db-scheduler's default half hour for one
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler, Serializer serializer,
                                               TransactionManager transactionManager,
                                               org.axonframework.config.Configuration configuration) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .startScheduler(true)
                .stopScheduler(true)
                .build();
    }
}

package io.musicstream.projections;

import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers events to a projection's {@code @EventHandler} methods the way Axon's processors do: a batch in one
 * unit of work (so per-batch resources such as the search index's bulk writer flush when it commits) inside
 * one transaction when the projection writes to a database.
 */
public final class ProjectionDriver {

    private final AnnotationEventHandlerAdapter handlers;
    private final TransactionTemplate transaction;

    private ProjectionDriver(Object projection, TransactionTemplate transaction) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.transaction = transaction;
    }

    /** Each batch runs in a transaction of {@code transactions}, as a tracking processor's batch does. */
    public static ProjectionDriver inTransactions(Object projection, DataSourceTransactionManager transactions) {
        return new ProjectionDriver(projection, new TransactionTemplate(transactions));
    }

    /** No transaction around a batch: for projections that write no database. */
    public static ProjectionDriver withoutTransactions(Object projection) {
        return new ProjectionDriver(projection, null);
    }

    /** Delivers the events as one batch; a handler's failure rolls the whole batch back and is thrown. */
    public void deliver(Object... events) {
        List<EventMessage<?>> messages = Arrays.stream(events)
                .<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
        if (transaction == null) {
            run(messages);
        } else {
            transaction.executeWithoutResult(status -> run(messages));
        }
    }

    /** Delivers each event as a batch of its own. */
    public void deliverEach(Object... events) {
        for (Object event : events) {
            deliver(event);
        }
    }

    /** What a processor's reset does before a replay: the projection's {@code @ResetHandler}. */
    public void reset() {
        if (transaction == null) {
            handlers.prepareReset();
        } else {
            transaction.executeWithoutResult(status -> handlers.prepareReset());
        }
    }

    private void run(List<EventMessage<?>> messages) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        ResultMessage<?> result = batch.executeWithResult(() -> handlers.handle(batch.getMessage()),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }
}

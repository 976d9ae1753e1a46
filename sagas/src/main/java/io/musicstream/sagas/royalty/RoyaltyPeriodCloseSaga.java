package io.musicstream.sagas.royalty;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicstream.command.common.ConflictException;
import io.musicstream.command.royalty.CloseRoyaltyPeriod;
import io.musicstream.events.royalty.RevenuePoolDeclared;
import io.musicstream.events.royalty.RoyaltyPeriodClosed;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Closes a royalty period by itself once its month and the grace window for late offline plays are over and
 * the royalty read model has counted every event stored by then. One saga per period, started by its first
 * revenue pool; it ends when the period closes, whoever closed it.
 */
@Saga
public class RoyaltyPeriodCloseSaga {

    /** The saga's event processor (Axon's default name for a saga's processing group). */
    public static final String PROCESSING_GROUP = "RoyaltyPeriodCloseSagaProcessor";
    public static final String CLOSED_BY = "royalty-close-saga";
    static final String CLOSE_DEADLINE = "royalty-period-close";

    @JsonProperty
    private String period;
    /** The one deadline pending, so that it is cancelled by id when the period closes. */
    @JsonProperty
    private String deadlineId;

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;
    @Autowired
    private transient RoyaltyCloseTiming timing;
    @Autowired
    private transient RoyaltyUsageProgress progress;
    @Autowired
    private transient Clock clock;

    /** The first pool schedules the close; later pools of the period change nothing. */
    @StartSaga
    @SagaEventHandler(associationProperty = "period")
    void on(RevenuePoolDeclared event) {
        if (period != null) {
            return;
        }
        period = event.period();
        Instant due = timing.closesAt(YearMonth.parse(period));
        Instant now = clock.instant();
        // a period whose grace window is already over closes at once
        deadlineId = deadlines.schedule(due.isAfter(now) ? due : now, CLOSE_DEADLINE);
    }

    @DeadlineHandler(deadlineName = CLOSE_DEADLINE)
    void closeOnceCounted() {
        deadlineId = null;
        if (!progress.caughtUpWithEventStore()) {
            retryLater();
            return;
        }
        try {
            commands.sendAndWait(new CloseRoyaltyPeriod(period, clock.instant(), CLOSED_BY));
        } catch (ConflictException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already closed")) {
                retryLater();
                return;
            }
            // closed before us (an admin): the saga's work is done
            SagaLifecycle.end();
        } catch (RuntimeException e) {
            retryLater();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "period")
    void on(RoyaltyPeriodClosed event) {
        if (deadlineId != null) {
            deadlines.cancelSchedule(CLOSE_DEADLINE, deadlineId);
            deadlineId = null;
        }
    }

    private void retryLater() {
        deadlineId = deadlines.schedule(timing.retry(), CLOSE_DEADLINE);
    }
}

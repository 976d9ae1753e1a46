package io.musicstream.projections.common;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A projection's writes for one batch of events: handlers add to it, and it is written once as the batch
 * commits, in the transaction that stores the processor's token, so a batch is stored whole or not at all.
 */
public final class UnitOfWorkBatch {

    private UnitOfWorkBatch() {
    }

    /**
     * The batch of the current unit of work under {@code key}, made by {@code create} on first use and handed to
     * {@code write} when the unit of work prepares its commit.
     */
    public static <B> B current(String key, Supplier<B> create, Consumer<B> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, k -> {
            B batch = create.get();
            root.onPrepareCommit(u -> write.accept(batch));
            return batch;
        });
    }
}

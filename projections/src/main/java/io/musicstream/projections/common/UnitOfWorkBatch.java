package io.musicstream.projections.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A projection's writes for one batch of events: handlers add to it, and it is written once as the batch
 * commits, in the transaction that stores the processor's token, so a batch is stored whole or not at all.
 * The batches of one unit of work are written in the order of their keys, whichever was used first, so that
 * two segments of a processor feeding several read models lock shared rows table by table in one order.
 */
public final class UnitOfWorkBatch {

    private static final String WRITES = UnitOfWorkBatch.class.getName() + ".writes";

    private UnitOfWorkBatch() {
    }

    /**
     * The batch of the current unit of work under {@code key}, made by {@code create} on first use and handed to
     * {@code write} when the unit of work prepares its commit.
     */
    public static <B> B current(String key, Supplier<B> create, Consumer<B> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Runnable> writes = writes(root);
        return root.getOrComputeResource(key, k -> {
            B batch = create.get();
            writes.put(key, () -> write.accept(batch));
            return batch;
        });
    }

    private static Map<String, Runnable> writes(UnitOfWork<?> root) {
        return root.getOrComputeResource(WRITES, k -> {
            Map<String, Runnable> writes = new TreeMap<>();
            root.onPrepareCommit(u -> writes.values().forEach(Runnable::run));
            return writes;
        });
    }
}

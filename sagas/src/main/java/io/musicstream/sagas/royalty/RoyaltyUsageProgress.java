package io.musicstream.sagas.royalty;

/** How far the royalty read model has counted the event store (the adapter reads the processor's tokens). */
public interface RoyaltyUsageProgress {

    /** Whether the royalty processor has handled every event stored up to the store's head as seen now. */
    boolean caughtUpWithEventStore();
}

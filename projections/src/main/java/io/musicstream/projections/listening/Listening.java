package io.musicstream.projections.listening;

/**
 * The one processor of the listening read models: recently played and top items ({@code me}), charts,
 * analytics and popularity. They read the same plays, so the store is read and each play deserialized once,
 * and their writes commit with one token in one transaction per batch.
 */
public final class Listening {

    public static final String PROCESSING_GROUP = "listening";

    private Listening() {
    }
}

package io.musicstream.projections.library;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the {@link SyncWatermark.BoundListener}s of a new bound and of lifted holds; a failing one stops none. */
final class BoundListeners {

    /** Logs under the watermark's name, the component operators know. */
    private static final Logger log = LoggerFactory.getLogger(SyncWatermark.class);

    private final List<SyncWatermark.BoundListener> listeners = new CopyOnWriteArrayList<>();

    void add(SyncWatermark.BoundListener listener) {
        listeners.add(listener);
    }

    /** Tells every listener that the bound moved from {@code old} to {@code now}, if it moved up. */
    void boundMoved(long old, long now) {
        if (now <= old) {
            return;
        }
        for (SyncWatermark.BoundListener listener : listeners) {
            try {
                listener.boundAdvanced(old, now);
            } catch (RuntimeException e) {
                log.warn("sync bound listener failed: {}", e.toString());
            }
        }
    }

    /** Tells every listener of each user held in {@code old} and no longer in {@code now}. */
    void holdsChanged(Map<String, Long> old, Map<String, Long> now) {
        for (String released : old.keySet()) {
            if (!now.containsKey(released)) {
                for (SyncWatermark.BoundListener listener : listeners) {
                    try {
                        listener.holdReleased(released);
                    } catch (RuntimeException e) {
                        log.warn("sync hold listener failed: {}", e.toString());
                    }
                }
            }
        }
    }
}

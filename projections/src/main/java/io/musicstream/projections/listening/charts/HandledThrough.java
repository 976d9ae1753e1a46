package io.musicstream.projections.listening.charts;

import java.time.Instant;
import java.util.Optional;

/** How far the counts are complete: every event stored before the answer has been counted. */
@FunctionalInterface
public interface HandledThrough {

    /** Empty while the counting processor has not claimed its segments. */
    Optional<Instant> instant();
}

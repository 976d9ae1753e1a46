package io.musicstream.projections.catalog.search;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Where the popularity of catalog items is kept, for documents written whole (by the live projection or a
 * rebuild): they take it from here rather than resetting it. Document ids are {@code kind:id}.
 */
public interface SearchPopularity {

    /** No popularity anywhere: every document keeps what it had, new ones start at 0. */
    SearchPopularity NONE = new SearchPopularity() {
        @Override
        public Map<String, Integer> of(Collection<String> documentIds) {
            return Map.of();
        }

        @Override
        public void resendComputedSince(Instant since) {
        }
    };

    /** The popularity of those documents that have one. */
    Map<String, Integer> of(Collection<String> documentIds);

    /** Has the popularity computed since {@code since} sent to the index again (after an index swap). */
    void resendComputedSince(Instant since);
}

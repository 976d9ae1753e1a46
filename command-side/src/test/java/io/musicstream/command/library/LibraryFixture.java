package io.musicstream.command.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.library.OfflineChangeOutcome.Status;
import io.musicstream.events.library.ItemRemovedFromLibrary;
import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the library tests share: a fixture whose catalog refuses the items in {@link #refused}, and
 * shorthands for events, commands and expected answers.
 */
abstract class LibraryFixture {

    static final String USER = "u-1";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final Instant T2 = T0.plusSeconds(120);
    static final Instant T3 = T0.plusSeconds(180);
    static final LibraryItemType TRACK = LibraryItemType.TRACK;
    static final LibraryItemType ALBUM = LibraryItemType.ALBUM;

    final AggregateTestFixture<Library> fixture = new AggregateTestFixture<>(Library.class);
    /** Items the fake catalog refuses, by id. */
    final Map<String, CatalogItems.Refusal> refused = new HashMap<>();

    @BeforeEach
    void catalog() {
        fixture.registerInjectableResource((CatalogItems) (type, ids, territory) -> {
            Map<String, CatalogItems.Refusal> answer = new HashMap<>();
            for (String id : ids) {
                if (refused.containsKey(id)) {
                    answer.put(id, refused.get(id));
                }
            }
            return answer;
        });
    }

    static ItemSavedToLibrary saved(String id, Instant at) {
        return new ItemSavedToLibrary(USER, TRACK, id, at, null);
    }

    static ItemRemovedFromLibrary removed(String id, Instant at) {
        return new ItemRemovedFromLibrary(USER, TRACK, id, at, null);
    }

    static SaveToLibrary save(Instant at, String... ids) {
        return new SaveToLibrary(USER, TRACK, List.of(ids), "SE", at);
    }

    static OfflineLibraryChange offline(String changeId, LibraryAction action, String id, Instant at) {
        return new OfflineLibraryChange(changeId, action, TRACK, id, at);
    }

    static ApplyOfflineLibraryChanges batch(long lastSeenSequence, OfflineLibraryChange... changes) {
        return new ApplyOfflineLibraryChanges(USER, List.of(changes), lastSeenSequence, "SE", T3);
    }

    /** Track ids t-0 .. t-(count-1). */
    static List<String> trackIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t-" + i).toList();
    }

    static org.hamcrest.Matcher<Object> outcomes(Status... statuses) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("outcomes " + List.of(statuses)) {
            @Override
            protected boolean matchesSafely(Object item) {
                @SuppressWarnings("unchecked")
                Collection<OfflineChangeOutcome> outcomes = (Collection<OfflineChangeOutcome>) item;
                return outcomes.stream().map(OfflineChangeOutcome::status).toList().equals(List.of(statuses));
            }
        };
    }

    static org.hamcrest.Matcher<Object> matching(List<OfflineChangeOutcome> expected) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(expected.toString()) {
            @Override
            protected boolean matchesSafely(Object item) {
                assertThat(item).isEqualTo(expected);
                return true;
            }
        };
    }
}

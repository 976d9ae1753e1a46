package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.projections.library.LibraryFixture.Stored;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pruning the sync feed: changes up to a token go, each user's horizon rises, libraries stay. */
class SyncRetentionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();
    private final SyncRetention retention = new SyncRetention(library.client);

    private long horizon(String userId) {
        return library.jdbc.queryForList("select token from sync_horizon where user_id = ?", Long.class, userId)
                .stream().findFirst().orElse(0L);
    }

    @Test
    void pruningDeletesChangesUpToTheTokenAndRaisesTheHorizonOfEachUserWhoLostSome() {
        Stored adaOld = library.saved("ada", TRACK, "t1", T0);
        Stored boOld = library.saved("bo", TRACK, "t2", T0);
        Stored adaNew = library.saved("ada", TRACK, "t3", T0);
        library.handle(adaOld, boOld, adaNew);

        assertThat(retention.prune(boOld.token())).isEqualTo(2);

        assertThat(library.changes("ada")).containsExactly(adaNew.token() + " added track t3");
        assertThat(library.changes("bo")).isEmpty();
        assertThat(horizon("ada")).isEqualTo(adaOld.token());
        assertThat(horizon("bo")).isEqualTo(boOld.token());
        assertThat(horizon("cyd")).isZero();
        assertThat(library.items("ada")).as("libraries are never pruned").hasSize(2);
    }

    @Test
    void aHorizonNeverGoesDown() {
        Stored first = library.saved("ada", TRACK, "t1", T0);
        Stored second = library.saved("ada", TRACK, "t2", T0);
        library.handle(first, second);
        retention.prune(second.token());

        assertThat(retention.prune(first.token())).isZero();

        assertThat(horizon("ada")).isEqualTo(second.token());
    }

    @Test
    void theTokenBeforeACutoffIsTheLastEventStoredBeforeIt() {
        assertThat(retention.tokenBefore(T0)).as("an empty store").isZero();
        Stored[] stored = new Stored[6];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = library.append(new ItemSavedToLibrary("ada", TRACK, "t" + i, T0, null),
                    T0.plusSeconds(60L * i));
        }

        assertThat(retention.tokenBefore(T0)).isZero();
        assertThat(retention.tokenBefore(T0.plusSeconds(1))).isEqualTo(stored[0].token());
        assertThat(retention.tokenBefore(T0.plusSeconds(60 * 3))).isEqualTo(stored[2].token());
        assertThat(retention.tokenBefore(T0.plusSeconds(60 * 3 + 1))).isEqualTo(stored[3].token());
        assertThat(retention.tokenBefore(T0.plusSeconds(3_600))).isEqualTo(stored[5].token());
    }
}

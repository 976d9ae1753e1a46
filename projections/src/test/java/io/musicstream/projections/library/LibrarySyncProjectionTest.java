package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.ALBUM;
import static io.musicstream.events.library.LibraryItemType.ARTIST;
import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.events.library.ItemSavedToLibrary;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.library.LibraryFixture.Stored;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given library events, the rows of {@code library_item} and {@code sync_change}. */
class LibrarySyncProjectionTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();

    @Test
    void savesBecomeItemsAndEveryChangeARowWithItsGlobalIndexAsTokenRemovalsAsTombstones() {
        Stored track = library.saved("ada", TRACK, "t1", T0);
        Stored album = library.saved("ada", ALBUM, "a1", T0.plusSeconds(1));
        Stored artist = library.saved("ada", ARTIST, "r1", T0.plusSeconds(2));
        Stored removal = library.removed("ada", TRACK, "t1", T0.plusSeconds(3));

        library.handle(track, album);
        library.handle(artist, removal);

        assertThat(library.items("ada")).containsExactly("album a1 " + album.token(), "artist r1 " + artist.token());
        assertThat(library.changes("ada")).containsExactly(track.token() + " added track t1",
                album.token() + " added album a1", artist.token() + " added artist r1",
                removal.token() + " removed track t1");
    }

    @Test
    void eachUserHasOnlyTheirOwnRows() {
        Stored ada = library.saved("ada", TRACK, "t1", T0);
        Stored bo = library.saved("bo", TRACK, "t2", T0);

        library.handle(ada, bo);

        assertThat(library.items("ada")).containsExactly("track t1 " + ada.token());
        assertThat(library.changes("bo")).containsExactly(bo.token() + " added track t2");
    }

    @Test
    void anItemHoldsItsLatestChangeWhateverOrderItsBatchHandlesThemIn() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        Stored removal = library.removed("ada", TRACK, "t1", T0.plusSeconds(1));
        Stored saveAgain = library.saved("ada", TRACK, "t1", T0.plusSeconds(2));
        Stored other = library.saved("ada", TRACK, "t2", T0);
        Stored otherRemoval = library.removed("ada", TRACK, "t2", T0.plusSeconds(1));

        library.handle(saveAgain, otherRemoval, removal, save, other);

        assertThat(library.items("ada")).containsExactly("track t1 " + saveAgain.token());
        assertThat(library.changes("ada")).hasSize(5);
    }

    @Test
    void aBatchHandledAgainWritesNothingTwice() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        Stored removal = library.removed("ada", ALBUM, "a1", T0);
        Stored album = library.saved("ada", ALBUM, "a2", T0);

        library.handle(save, removal, album);
        library.handle(save, removal, album);

        assertThat(library.items("ada")).containsExactly("track t1 " + save.token(), "album a2 " + album.token());
        assertThat(library.changes("ada")).containsExactly(save.token() + " added track t1",
                removal.token() + " removed album a1", album.token() + " added album a2");
    }

    @Test
    void anEarlierChangeHandledAgainNeverTakesAnItemBackToIt() {
        Stored first = library.saved("ada", TRACK, "t1", T0);
        Stored again = library.saved("ada", TRACK, "t1", T0.plusSeconds(60));
        library.handle(first);
        library.handle(again);

        library.handle(first);

        assertThat(library.items("ada")).containsExactly("track t1 " + again.token());
        assertThat(library.jdbc.queryForObject("select saved_at from library_item where user_id = 'ada'",
                Timestamp.class).toInstant()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anEventTheTablesCannotStoreIsRefusedByItsHandler() {
        Stored good = library.saved("ada", TRACK, "t1", T0);
        Stored nul = library.append(new ItemSavedToLibrary("ada", TRACK, "bad\u0000id", T0, null), Instant.now());
        Stored tooLong = library.append(new ItemSavedToLibrary("ada", TRACK, "x".repeat(801), T0, null), Instant.now());

        assertThatThrownBy(() -> library.handle(nul)).isInstanceOf(Storable.UnstorableEventException.class);
        assertThatThrownBy(() -> library.handle(tooLong)).isInstanceOf(Storable.UnstorableEventException.class);
        library.handle(good);

        assertThat(library.items("ada")).containsExactly("track t1 " + good.token());
    }

    @Test
    void aChangeTheDatabaseRefusesAtCommitIsRefusedByItsHandlerWhenItsBatchComesAgain() {
        Stored good = library.saved("ada", TRACK, "t1", T0);
        // past PostgreSQL's last timestamp (294276 AD): only the database finds out, as the batch commits
        Stored farFuture = library.saved("ada", TRACK, "t2", Instant.parse("+300000-01-01T00:00:00Z"));

        assertThatThrownBy(() -> library.handle(good, farFuture)).isNotInstanceOf(Storable.UnstorableEventException.class);
        assertThat(library.changes("ada")).as("the whole batch rolled back").isEmpty();

        assertThatThrownBy(() -> library.handle(good, farFuture))
                .isInstanceOf(Storable.UnstorableEventException.class).hasMessageContaining("refused");
        library.handle(good);
        assertThat(library.items("ada")).containsExactly("track t1 " + good.token());
    }

    @Test
    void aResetEmptiesTheLibrariesTheirChangesAndHorizons() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        library.handle(save);
        new SyncRetention(library.client).prune(save.token());

        library.projection.reset();

        assertThat(library.items("ada")).isEmpty();
        assertThat(library.changes("ada")).isEmpty();
        assertThat(library.jdbc.queryForObject("select count(*) from sync_horizon", Long.class)).isZero();
    }
}

package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.ALBUM;
import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.projections.library.LibraryFixture.Stored;
import io.musicstream.projections.library.LibraryListing.Saved;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given library events, what {@link LibraryListing} answers. */
class LibraryListingReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();
    private final LibraryListing listing = new LibraryListing(library.client);

    @Test
    void aSectionListsItsItemsNewestFirstWithTheTotal() {
        Stored old = library.saved("ada", TRACK, "t-old", T0);
        Stored newest = library.saved("ada", TRACK, "t-new", T0.plusSeconds(20));
        Stored middle = library.saved("ada", TRACK, "t-mid", T0.plusSeconds(10));
        Stored album = library.saved("ada", ALBUM, "a1", T0.plusSeconds(30));
        library.handle(old, newest, middle, album);

        LibraryListing.Section tracks = listing.list("ada", "track", 50, 0);

        assertThat(tracks.total()).isEqualTo(3);
        assertThat(tracks.items()).containsExactly(new Saved("t-new", T0.plusSeconds(20), newest.token()),
                new Saved("t-mid", T0.plusSeconds(10), middle.token()), new Saved("t-old", T0, old.token()));
        assertThat(listing.list("ada", "album", 50, 0).items()).extracting(Saved::itemId).containsExactly("a1");
    }

    @Test
    void itemsSavedAtTheSameTimeListTheLaterSaveFirst() {
        Stored first = library.saved("ada", TRACK, "t1", T0);
        Stored second = library.saved("ada", TRACK, "t2", T0);
        library.handle(first, second);

        assertThat(listing.list("ada", "track", 50, 0).items()).extracting(Saved::itemId).containsExactly("t2", "t1");
    }

    @Test
    void aPageIsCutByLimitAndOffsetAndTheTotalCountsTheWholeSection() {
        for (int i = 0; i < 5; i++) {
            library.handle(library.saved("ada", TRACK, "t" + i, T0.plusSeconds(i)));
        }

        LibraryListing.Section page = listing.list("ada", "track", 2, 1);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Saved::itemId).containsExactly("t3", "t2");
    }

    @Test
    void removedItemsAndOtherUsersItemsAreNotListed() {
        Stored kept = library.saved("ada", TRACK, "t1", T0);
        Stored gone = library.saved("ada", TRACK, "t2", T0);
        library.handle(kept, gone, library.removed("ada", TRACK, "t2", T0.plusSeconds(1)),
                library.saved("bo", TRACK, "t3", T0));

        LibraryListing.Section tracks = listing.list("ada", "track", 50, 0);

        assertThat(tracks.total()).isEqualTo(1);
        assertThat(tracks.items()).extracting(Saved::itemId).containsExactly("t1");
    }
}

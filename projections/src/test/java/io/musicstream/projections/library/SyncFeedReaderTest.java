package io.musicstream.projections.library;

import static io.musicstream.events.library.LibraryItemType.ALBUM;
import static io.musicstream.events.library.LibraryItemType.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.projections.library.LibraryFixture.Stored;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Given library events and how far the projection has handled them, what {@link SyncFeed} serves. */
class SyncFeedReaderTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private final LibraryFixture library = new LibraryFixture();
    private final SyncWatermark watermark = library.watermark();
    private final SyncFeed feed = new SyncFeed(library.client, watermark,
            new ReadYourWrites(watermark, Duration.ofMillis(100)));
    /** Someone else's change, so that the tests' own changes have tokens above 1. */
    private Stored start;

    @BeforeEach
    void someoneElseWroteFirst() {
        start = library.saved("cyd", TRACK, "t0", T0);
        library.handle(start);
    }

    /** The projection has handled everything up to {@code last}, and the bound has reached it. */
    private void handledEverything(Stored last) {
        library.projectionPassed(last.token());
        library.tickUntil(watermark, last.token());
    }

    private static List<String> changes(SyncFeed.Page page) {
        return page.changes().stream().map(c -> c.token() + " " + text(c.kind()) + " " + text(c.itemType()) + " "
                + text(c.itemId())).toList();
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    @Test
    void aDeltaListsTheUsersChangesAfterTheTokenOldestFirstWithTombstones() {
        Stored track = library.saved("ada", TRACK, "t1", T0);
        Stored album = library.saved("ada", ALBUM, "a1", T0);
        Stored removal = library.removed("ada", TRACK, "t1", T0.plusSeconds(1));
        Stored others = library.saved("bo", TRACK, "t2", T0);
        library.handle(track, album, removal, others);
        handledEverything(others);

        SyncFeed.Page page = feed.page("ada", start.token(), null, 500);

        assertThat(changes(page)).containsExactly(track.token() + " added track t1", album.token() + " added album a1",
                removal.token() + " removed track t1");
        assertThat(page.reset()).isFalse();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.syncToken()).isEqualTo(others.token());
        assertThat(page.changes().get(2).atMicros()).isEqualTo(T0.plusSeconds(1).toEpochMilli() * 1_000);
    }

    @Test
    void theFeedNeverServesPastTheBound() {
        Stored first = library.saved("ada", TRACK, "t1", T0);
        Stored second = library.saved("ada", TRACK, "t2", T0);
        library.handle(first, second);
        library.projectionPassed(first.token());
        library.tickUntil(watermark, first.token());

        SyncFeed.Page page = feed.page("ada", start.token(), null, 500);

        assertThat(changes(page)).containsExactly(first.token() + " added track t1");
        assertThat(page.syncToken()).isEqualTo(first.token());
    }

    @Test
    void aDeltaPagesByLimitAndTheNextPageStartsAfterTheLastChangeServed() {
        Stored[] saves = new Stored[5];
        for (int i = 0; i < saves.length; i++) {
            saves[i] = library.saved("ada", TRACK, "t" + i, T0);
        }
        library.handle(saves);
        handledEverything(saves[4]);

        SyncFeed.Page first = feed.page("ada", start.token(), null, 2);
        SyncFeed.Page second = feed.page("ada", first.syncToken(), null, 2);
        SyncFeed.Page last = feed.page("ada", second.syncToken(), null, 2);

        assertThat(first.hasMore()).isTrue();
        assertThat(first.syncToken()).isEqualTo(saves[1].token());
        assertThat(changes(second)).containsExactly(saves[2].token() + " added track t2",
                saves[3].token() + " added track t3");
        assertThat(changes(last)).containsExactly(saves[4].token() + " added track t4");
        assertThat(last.hasMore()).isFalse();
        assertThat(last.syncToken()).isEqualTo(saves[4].token());
    }

    @Test
    void tokenZeroStartsASnapshotOfTheLibraryPagedInTokenOrder() {
        Stored one = library.saved("ada", TRACK, "t1", T0);
        Stored two = library.saved("ada", TRACK, "t2", T0);
        Stored three = library.saved("ada", ALBUM, "a3", T0);
        Stored twoRemoved = library.removed("ada", TRACK, "t2", T0);
        library.handle(one, two, three, twoRemoved);
        handledEverything(twoRemoved);

        SyncFeed.Page first = feed.page("ada", 0, null, 1);
        SyncFeed.Page second = feed.page("ada", first.syncToken(), first.snapshotAfter(), 1);

        assertThat(first.reset()).isTrue();
        assertThat(first.hasMore()).isTrue();
        assertThat(first.syncToken()).as("the snapshot's base").isEqualTo(twoRemoved.token());
        assertThat(changes(first)).containsExactly(one.token() + " added track t1");
        assertThat(second.reset()).isFalse();
        assertThat(second.hasMore()).isFalse();
        assertThat(second.snapshotAfter()).isNull();
        assertThat(changes(second)).containsExactly(three.token() + " added album a3");
        assertThat(second.syncToken()).isEqualTo(twoRemoved.token());
    }

    @Test
    void aTokenBelowTheUsersHorizonGetsASnapshotInstead() {
        Stored one = library.saved("ada", TRACK, "t1", T0);
        Stored two = library.saved("ada", TRACK, "t2", T0);
        library.handle(one, two);
        handledEverything(two);
        new SyncRetention(library.client).prune(one.token());

        SyncFeed.Page stale = feed.page("ada", start.token(), null, 500);
        SyncFeed.Page recent = feed.page("ada", one.token(), null, 500);

        assertThat(stale.reset()).isTrue();
        assertThat(changes(stale)).containsExactly(one.token() + " added track t1", two.token() + " added track t2");
        assertThat(recent.reset()).isFalse();
        assertThat(changes(recent)).containsExactly(two.token() + " added track t2");
    }

    @Test
    void aTokenAtTheBoundGetsAnEmptyPageThatKeepsIt() {
        Stored save = library.saved("ada", TRACK, "t1", T0);
        library.handle(save);
        handledEverything(save);

        SyncFeed.Page page = feed.page("ada", save.token(), null, 500);

        assertThat(page.changes()).isEmpty();
        assertThat(page.syncToken()).isEqualTo(save.token());
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void tokensTheFeedNeverGaveAreRefused() {
        handledEverything(start);

        assertThatThrownBy(() -> feed.page("ada", start.token() + 1_000, null, 500))
                .isInstanceOf(UnknownSyncTokenException.class).hasMessageContaining("never issued");
        assertThatThrownBy(() -> feed.page("ada", start.token(), start.token() + 1, 500))
                .isInstanceOf(UnknownSyncTokenException.class).hasMessageContaining("lies beyond the snapshot's base");
    }

    @Test
    void aUserWithADeadLetteredChangeIsServedOnlyBelowIt() {
        Stored before = library.saved("ada", TRACK, "t1", T0);
        Stored dead = library.saved("ada", TRACK, "t2", T0);
        Stored after = library.saved("ada", TRACK, "t3", T0);
        Stored others = library.saved("bo", TRACK, "t4", T0);
        library.handle(before, after, others);
        library.deadLetter(dead);
        handledEverything(others);

        SyncFeed.Page held = feed.page("ada", start.token(), null, 500);
        SyncFeed.Page free = feed.page("bo", start.token(), null, 500);

        assertThat(changes(held)).containsExactly(before.token() + " added track t1");
        assertThat(held.syncToken()).isEqualTo(dead.token() - 1);
        assertThat(changes(free)).containsExactly(others.token() + " added track t4");
    }

    @Test
    void theLatestTokenOfAUserIsTheirLastChangeAtOrBelowTheBound() {
        Stored mine = library.saved("ada", TRACK, "t1", T0);
        Stored others = library.saved("bo", TRACK, "t2", T0);
        library.handle(mine, others);
        handledEverything(others);

        assertThat(feed.latestToken("ada", others.token())).isEqualTo(mine.token());
        assertThat(feed.latestToken("dee", others.token())).as("no changes: the bound").isEqualTo(others.token());
        assertThat(feed.latestTokens(List.of("ada", "bo", "dee"), start.token(), others.token()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ada", mine.token(), "bo", others.token()));
        assertThat(feed.latestTokens(List.of("ada", "bo"), mine.token(), others.token()))
                .containsOnlyKeys("bo");
    }
}

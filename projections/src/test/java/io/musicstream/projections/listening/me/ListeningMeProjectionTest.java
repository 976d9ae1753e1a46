package io.musicstream.projections.listening.me;

import static io.musicstream.projections.listening.me.ListeningMeFixture.counted;
import static io.musicstream.projections.listening.me.ListeningMeFixture.play;
import static io.musicstream.projections.listening.me.ListeningMeFixture.withPlayId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.musicstream.events.playback.PlayContext;
import io.musicstream.events.playback.TrackPlayed;
import io.musicstream.projections.common.Storable;
import io.musicstream.projections.listening.me.ListeningMe.Range;
import io.musicstream.projections.listening.me.ListeningMe.RecentPlay;
import io.musicstream.projections.listening.me.ListeningMe.Rotation;
import io.musicstream.projections.listening.me.ListeningMe.TopItem;
import io.musicstream.projections.listening.me.ListeningMe.TopType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;

/** Given plays, what the listener's recently played, heavy rotation and top items answer. */
class ListeningMeProjectionTest {

    /** A Monday, noon UTC. */
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-12-07");
    private static final Set<String> ALL_ROTATION = Set.of("album", "playlist", "artist");
    private static final PlayContext NO_CONTEXT = null;

    private final ListeningMeFixture me = new ListeningMeFixture(NOW);

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private List<String> recentTracks(String userId) {
        return me.reader.recentlyPlayed(userId, 50, null, null).stream().map(RecentPlay::trackId).toList();
    }

    private List<String> top(String userId, TopType type, Range range) {
        return me.reader.top(userId, type, range, 50, 0).items().stream().map(TopItem::id).toList();
    }

    // --- recently played

    @Test
    void recentlyPlayedHoldsPlaysOfThirtySecondsOrMoreNewestFirstCountedOrNot() {
        me.driver.deliver(
                play("ada", "t-short", "r1", List.of("a1"), NOW.minusSeconds(300), 29_999, false, NO_CONTEXT),
                play("ada", "t-old", "r1", List.of("a1"), NOW.minusSeconds(200), 30_000, true, NO_CONTEXT),
                play("ada", "t-new", "r1", List.of("a1"), NOW.minusSeconds(100), 40_000, false,
                        new PlayContext(PlayContext.Type.PLAYLIST, "pl-1")));

        List<RecentPlay> recent = me.reader.recentlyPlayed("ada", 50, null, null);

        assertThat(recent).extracting(RecentPlay::trackId).containsExactly("t-new", "t-old");
        assertThat(recent.get(0).contextType()).isEqualTo("playlist");
        assertThat(recent.get(0).contextId()).isEqualTo("pl-1");
        assertThat(recent.get(1).contextType()).isNull();
        assertThat(recent.get(1).startedAt()).isEqualTo(NOW.minusSeconds(200));
    }

    @Test
    void aRepeatInsideTheWindowIsARecentPlayButNotAStream() {
        me.driver.deliver(counted("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(100)),
                play("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(90), 180_000, false, NO_CONTEXT));

        assertThat(recentTracks("ada")).containsExactly("t1", "t1");
        for (Range range : Range.values()) {
            assertThat(me.reader.top("ada", TopType.TRACKS, range, 50, 0).items())
                    .containsExactly(new TopItem("t1", 1, NOW.minusSeconds(100)));
        }
        assertThat(me.reader.heavyRotation("ada", ALL_ROTATION, 50)).extracting(Rotation::streams)
                .containsOnly(1L);
    }

    @Test
    void recentlyPlayedKeepsEachUsersNewestFifty() {
        List<TrackPlayed> plays = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            plays.add(play("ada", "t" + i, "r1", List.of("a1"), NOW.minusSeconds(1_000 - i), 60_000, false, NO_CONTEXT));
        }
        me.driver.deliver(plays.subList(0, 30).toArray());
        me.driver.deliver(play("bo", "b1", "r1", List.of("a1"), NOW, 60_000, false, NO_CONTEXT));
        me.driver.deliver(plays.subList(30, 60).toArray());
        // reported late and older than all 50 kept: not kept either
        me.driver.deliver(play("ada", "late", "r1", List.of("a1"), NOW.minusSeconds(5_000), 60_000, false, NO_CONTEXT));

        List<String> kept = recentTracks("ada");
        assertThat(kept).hasSize(50).first().isEqualTo("t59");
        assertThat(kept).last().isEqualTo("t10");
        assertThat(recentTracks("bo")).containsExactly("b1");
        // rows behind the newest 50 are never shown, by any cursor, and retention deletes them
        assertThat(me.reader.recentlyPlayed("ada", 50, NOW.minusSeconds(990), null)).isEmpty();
        assertThat(me.reader.recentlyPlayed("ada", 50, null, NOW.minusSeconds(6_000))).hasSize(50);
        assertThat(me.retention.prune()).as("t0 to t9 and the late play").isEqualTo(11);
        assertThat(me.jdbc.queryForObject("select count(*) from me_recent_play where user_id = 'ada'", Long.class))
                .isEqualTo(50);
        assertThat(recentTracks("ada")).isEqualTo(kept);
        assertThat(recentTracks("bo")).containsExactly("b1");
    }

    @Test
    void retentionTrimsRecentPlaysOfUsersBeyondOneChunk() {
        List<TrackPlayed> plays = new ArrayList<>();
        int users = ListeningMeRetention.TRIM_USERS + 3;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < 52; i++) {
                plays.add(play("user-" + u, "t" + i, "r1", List.of("a1"), NOW.minusSeconds(1_000 - i), 60_000, false,
                        NO_CONTEXT));
            }
            if (plays.size() >= 10_000) {
                me.driver.deliver(plays.toArray());
                plays.clear();
            }
        }
        me.driver.deliver(plays.toArray());
        // each batch kept each user's newest 50 of it, so a user split over two batches left more behind
        long stored = me.jdbc.queryForObject("select count(*) from me_recent_play", Long.class);

        assertThat(me.retention.prune()).isEqualTo(stored - 50L * users);
        assertThat(me.jdbc.queryForObject("select count(*) from me_recent_play", Long.class)).isEqualTo(50L * users);
    }

    @Test
    void recentlyPlayedPagesByStartTimeBeforeAndAfter() {
        for (int i = 0; i < 5; i++) {
            me.driver.deliver(play("ada", "t" + i, "r1", List.of("a1"), NOW.minusSeconds(100 - i * 10L), 60_000, true,
                    NO_CONTEXT));
        }

        assertThat(me.reader.recentlyPlayed("ada", 2, null, null)).extracting(RecentPlay::trackId)
                .containsExactly("t4", "t3");
        assertThat(me.reader.recentlyPlayed("ada", 2, NOW.minusSeconds(70), null)).extracting(RecentPlay::trackId)
                .containsExactly("t2", "t1");
        // after: the plays right after the cursor, still newest first
        assertThat(me.reader.recentlyPlayed("ada", 2, null, NOW.minusSeconds(100))).extracting(RecentPlay::trackId)
                .containsExactly("t2", "t1");
        assertThat(me.reader.recentlyPlayed("ada", 2, null, NOW.minusSeconds(70))).extracting(RecentPlay::trackId)
                .containsExactly("t4");
    }

    // --- heavy rotation

    @Test
    void heavyRotationWeighsAStreamByHalfEverySevenDaysOfAge() {
        me.driver.deliver(
                counted("ada", "t1", "r-today", List.of("a1"), NOW.minusSeconds(60)),
                counted("ada", "t2", "r-week", List.of("a1"), startOf(TODAY.minusDays(7))),
                counted("ada", "t3", "r-week", List.of("a1"), startOf(TODAY.minusDays(7)).plusSeconds(60)),
                counted("ada", "t4", "r-13", List.of("a2"), startOf(TODAY.minusDays(13))));

        List<Rotation> albums = me.reader.heavyRotation("ada", Set.of("album"), 50);

        // two streams a week old weigh as much as one today; the tie goes to the later day played
        assertThat(albums).extracting(Rotation::id).containsExactly("r-today", "r-week", "r-13");
        assertThat(albums.get(0).score()).isCloseTo(1.0, within(1e-9));
        assertThat(albums.get(1).score()).isCloseTo(1.0, within(1e-9));
        assertThat(albums.get(2).score()).isCloseTo(Math.pow(0.5, 13 / 7.0), within(1e-9));
        assertThat(albums.get(0).lastPlayedDay()).isEqualTo(TODAY);
        assertThat(albums.get(1).streams()).isEqualTo(2);
        assertThat(albums.get(1).lastPlayedDay()).isEqualTo(TODAY.minusDays(7));
        List<Rotation> artists = me.reader.heavyRotation("ada", Set.of("artist"), 50);
        assertThat(artists).extracting(Rotation::id).containsExactly("a1", "a2");
        assertThat(artists.get(0).score()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void heavyRotationLooksAtTheLastFourteenUtcDaysTodayIncluded() {
        me.driver.deliver(
                counted("ada", "t1", "r-in", List.of("a1"), startOf(TODAY.minusDays(13))),
                counted("ada", "t2", "r-out", List.of("a1"), startOf(TODAY.minusDays(13)).minusMillis(1)));

        assertThat(me.reader.heavyRotation("ada", Set.of("album"), 50)).extracting(Rotation::id)
                .containsExactly("r-in");
    }

    @Test
    void heavyRotationCountsStreamsOnlyAndNamesPlaylistsFromTheirContext() {
        me.driver.deliver(
                play("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(60), 180_000, true,
                        new PlayContext(PlayContext.Type.PLAYLIST, "pl-1")),
                play("ada", "t2", "r2", List.of("a2"), NOW.minusSeconds(50), 10_000, false,
                        new PlayContext(PlayContext.Type.PLAYLIST, "pl-2")),
                play("ada", "t3", "r1", List.of("a1"), NOW.minusSeconds(40), 180_000, true,
                        new PlayContext(PlayContext.Type.ALBUM, "r1")),
                play("ada", "t4", "r1", List.of("a1"), NOW.minusSeconds(30), 180_000, true,
                        new PlayContext(PlayContext.Type.PLAYLIST, null)));

        List<Rotation> all = me.reader.heavyRotation("ada", ALL_ROTATION, 50);

        assertThat(all).extracting(r -> r.type() + ":" + r.id() + "=" + r.streams())
                .containsExactly("album:r1=3", "artist:a1=3", "playlist:pl-1=1");
        assertThat(me.reader.heavyRotation("ada", Set.of("playlist"), 50)).extracting(Rotation::id)
                .containsExactly("pl-1");
        assertThat(me.reader.heavyRotation("ada", ALL_ROTATION, 1)).hasSize(1);
        assertThat(me.reader.heavyRotation("bo", ALL_ROTATION, 50)).isEmpty();
    }

    // --- top items

    @Test
    void shortTermIsTheLastTwentyEightUtcDaysTodayIncluded() {
        me.driver.deliver(
                counted("ada", "t-in", "r1", List.of("a-in"), startOf(TODAY.minusDays(27))),
                counted("ada", "t-out", "r1", List.of("a-out"), startOf(TODAY.minusDays(27)).minusMillis(1)));

        assertThat(top("ada", TopType.TRACKS, Range.SHORT_TERM)).containsExactly("t-in");
        assertThat(top("ada", TopType.ARTISTS, Range.SHORT_TERM)).containsExactly("a-in");
        assertThat(top("ada", TopType.TRACKS, Range.MEDIUM_TERM)).containsExactlyInAnyOrder("t-in", "t-out");
    }

    @Test
    void mediumTermIsTheLastTwentySixIsoWeeksThisOneIncluded() {
        LocalDate firstMonday = TODAY.minusWeeks(25);
        me.driver.deliver(
                counted("ada", "t-in", "r1", List.of("a-in"), startOf(firstMonday)),
                counted("ada", "t-out", "r1", List.of("a-out"), startOf(firstMonday).minusMillis(1)));

        assertThat(top("ada", TopType.TRACKS, Range.MEDIUM_TERM)).containsExactly("t-in");
        assertThat(top("ada", TopType.ARTISTS, Range.MEDIUM_TERM)).containsExactly("a-in");
        assertThat(top("ada", TopType.TRACKS, Range.LONG_TERM)).containsExactlyInAnyOrder("t-in", "t-out");
        assertThat(top("ada", TopType.TRACKS, Range.SHORT_TERM)).isEmpty();
    }

    @Test
    void topItemsRankByStreamsThenLastPlayedThenId() {
        me.driver.deliver(
                counted("ada", "t-b", "r1", List.of("a1"), NOW.minusSeconds(500)),
                counted("ada", "t-b", "r1", List.of("a1"), NOW.minusSeconds(400)),
                counted("ada", "t-late", "r1", List.of("a2"), NOW.minusSeconds(100)),
                counted("ada", "t-z", "r1", List.of("a2"), NOW.minusSeconds(300)),
                counted("ada", "t-a", "r1", List.of("a2"), NOW.minusSeconds(300)));

        for (Range range : Range.values()) {
            assertThat(top("ada", TopType.TRACKS, range)).containsExactly("t-b", "t-late", "t-a", "t-z");
            assertThat(top("ada", TopType.ARTISTS, range)).containsExactly("a2", "a1");
        }
        ListeningMe.TopPage page = me.reader.top("ada", TopType.TRACKS, Range.LONG_TERM, 2, 1);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(TopItem::id).containsExactly("t-late", "t-a");
        assertThat(me.reader.top("ada", TopType.TRACKS, Range.LONG_TERM, 2, 10).total()).isEqualTo(4);
        assertThat(me.reader.top("bo", TopType.TRACKS, Range.LONG_TERM, 2, 0).total()).isZero();
    }

    @Test
    void aTracksArtistsListedTwiceCountOnce() {
        me.driver.deliver(counted("ada", "t1", "r1", List.of("a1", "a1", "a2"), NOW));

        assertThat(me.reader.top("ada", TopType.ARTISTS, Range.LONG_TERM, 50, 0).items())
                .extracting(TopItem::streams).containsExactly(1L, 1L);
    }

    // --- redelivery, replay, retention

    @Test
    void aFailedBatchLeavesNothingSoItsRedeliveryCountsOnce() {
        TrackPlayed first = counted("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(100));
        TrackPlayed second = counted("ada", "t2", "r1", List.of("a1"), NOW.minusSeconds(50));
        TrackPlayed poison = counted("bad\u0000user", "t3", "r1", List.of("a1"), NOW);

        assertThatThrownBy(() -> me.driver.deliver(first, second, poison))
                .isInstanceOf(Storable.UnstorableEventException.class).hasMessageContaining("userId");
        assertThat(me.dump()).isEmpty();
        me.driver.deliver(first, second);

        assertThat(recentTracks("ada")).containsExactly("t2", "t1");
        assertThat(me.reader.top("ada", TopType.ARTISTS, Range.SHORT_TERM, 50, 0).items())
                .extracting(TopItem::streams).containsExactly(2L);
    }

    @Test
    void aBatchWhoseTokenDidNotCommitCountsOnceWhenRedelivered() {
        TrackPlayed first = counted("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(100));
        TrackPlayed second = play("ada", "t1", "r1", List.of("a1"), NOW.minusSeconds(50), 90_000, false, NO_CONTEXT);
        me.driver.deliver(first, second);
        List<String> once = me.dump();

        // the batch's writes ran, then the transaction that would store the token rolled back
        new TransactionTemplate(new DataSourceTransactionManager(me.db)).executeWithoutResult(status -> {
            me.driver.deliver(first, second);
            status.setRollbackOnly();
        });

        assertThat(me.dump()).isEqualTo(once);
        assertThat(recentTracks("ada")).containsExactly("t1", "t1");
    }

    @Test
    void resetAndReplayGiveTheSameAnswers() {
        List<TrackPlayed> plays = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Instant at = NOW.minus(Duration.ofHours(i * 7L));
            plays.add(play(i % 3 == 0 ? "bo" : "ada", "t" + (i % 7), "r" + (i % 4), List.of("a" + (i % 5), "a9"), at,
                    i % 4 == 0 ? 20_000 : 90_000, i % 4 != 0 && i % 9 != 0,
                    i % 2 == 0 ? new PlayContext(PlayContext.Type.PLAYLIST, "pl" + (i % 3)) : null));
        }
        me.driver.deliver(plays.subList(0, 70).toArray());
        me.driver.deliver(plays.subList(70, 120).toArray());
        List<String> before = me.dump();
        Object answers = answers();

        me.driver.reset();
        assertThat(me.dump()).isEmpty();
        me.driver.deliverEach(plays.toArray());

        assertThat(me.dump()).isEqualTo(before);
        assertThat(answers()).isEqualTo(answers);
    }

    private Object answers() {
        List<Object> answers = new ArrayList<>();
        for (String user : List.of("ada", "bo")) {
            answers.add(me.reader.recentlyPlayed(user, 50, null, null));
            answers.add(me.reader.heavyRotation(user, ALL_ROTATION, 50));
            for (Range range : Range.values()) {
                for (TopType type : TopType.values()) {
                    answers.add(me.reader.top(user, type, range, 50, 0));
                }
            }
        }
        return answers;
    }

    @Test
    void retentionDeletesOnlyBucketsNoReadLooksAt() {
        me.driver.deliver(
                counted("ada", "t1", "r1", List.of("a1"), NOW),
                counted("ada", "t2", "r1", List.of("a1"), startOf(TODAY.minusDays(27))),
                counted("ada", "t3", "r1", List.of("a1"), startOf(TODAY.minusWeeks(25))));
        Clock aWeekLater = Clock.fixed(NOW.plus(Duration.ofDays(7)), ZoneOffset.UTC);
        ListeningMe laterReader = new ListeningMe(JdbcClient.create(me.jdbc), aWeekLater);
        ListeningMeRetention laterRetention = new ListeningMeRetention(JdbcClient.create(me.jdbc), aWeekLater);
        List<Object> before = new ArrayList<>();
        for (Range range : Range.values()) {
            before.add(laterReader.top("ada", TopType.TRACKS, range, 50, 0));
        }

        int pruned = laterRetention.prune();

        // the day 27 days back (its track, album and artist) left the short range, the week 25 weeks back
        // (its track and artist) the medium range
        assertThat(pruned).isEqualTo(5);
        List<Object> after = new ArrayList<>();
        for (Range range : Range.values()) {
            after.add(laterReader.top("ada", TopType.TRACKS, range, 50, 0));
        }
        assertThat(after).isEqualTo(before);
        assertThat(laterReader.top("ada", TopType.TRACKS, Range.SHORT_TERM, 50, 0).items()).extracting(TopItem::id)
                .containsExactly("t1");
    }

    @Test
    void bucketsOlderThanEveryRangeAreNotWrittenButCountAllTime() {
        me.driver.deliver(counted("ada", "t-old", "r1", List.of("a1"), NOW.minus(Duration.ofDays(400))));

        assertThat(me.dump()).allMatch(row -> row.startsWith("recent") || row.startsWith("total"));
        assertThat(top("ada", TopType.TRACKS, Range.LONG_TERM)).containsExactly("t-old");
    }
}

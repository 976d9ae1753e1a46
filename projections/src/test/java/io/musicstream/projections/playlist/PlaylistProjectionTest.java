package io.musicstream.projections.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.events.playlist.CollaboratorInvited;
import io.musicstream.events.playlist.CollaboratorRemoved;
import io.musicstream.events.playlist.InvitationAccepted;
import io.musicstream.events.playlist.InvitationDeclined;
import io.musicstream.events.playlist.InvitationExpired;
import io.musicstream.events.playlist.PlaylistDeleted;
import io.musicstream.projections.playlist.PlaylistFixture.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Given playlist events, the rows of the playlists read model. */
class PlaylistProjectionTest {

    private final PlaylistFixture fixture = new PlaylistFixture();

    @Test
    void addsRemovesMovesAndReplacesLeaveTheItemsInTheEventsOrder() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t1", "t2", "t3"), p.added(1, "t4", "t5"));
        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());

        fixture.driver.deliver(p.removed(0, 2), p.moved(0, 2, 3), p.moved(2, 1, 0), p.renamed("Night drive"));

        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.positions("p1")).containsExactly(0, 1, 2);
        assertThat(fixture.playlistRow("p1")).containsEntry("snapshot", 7L).containsEntry("item_count", 3)
                .containsEntry("name", "Night drive");
        assertThat(fixture.operations("p1")).isEqualTo(5);

        fixture.driver.deliver(p.replaced("t9", "t9"));

        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.playlistRow("p1")).containsEntry("item_count", 2).containsEntry("log_from", 8L);
        assertThat(fixture.operations("p1")).isZero();
    }

    @Test
    void manyRandomEditsOnALongPlaylistMatchTheEvents() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(true), p.appended(IntStream.range(0, 500).mapToObj(i -> "t" + i)
                .toArray(String[]::new)));
        Random random = new Random(7);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int size = p.items.size();
            switch (random.nextInt(3)) {
                case 0 -> batch.add(p.added(random.nextInt(size + 1), "a" + i, "b" + i));
                case 1 -> {
                    Integer[] positions = IntStream.range(0, size).filter(x -> random.nextInt(100) == 0)
                            .boxed().toArray(Integer[]::new);
                    if (positions.length > 0) {
                        batch.add(p.removed(positions));
                    }
                }
                default -> {
                    int start = random.nextInt(size);
                    int length = 1 + random.nextInt(Math.min(20, size - start));
                    int before = random.nextInt(size + 1);
                    if (before >= start && before <= start + length) {
                        before = before == size ? 0 : size;
                        if (before >= start && before <= start + length) {
                            continue;
                        }
                    }
                    batch.add(p.moved(start, length, before));
                }
            }
            if (batch.size() == 25) {
                fixture.driver.deliver(batch.toArray());
                batch.clear();
            }
        }
        fixture.driver.deliver(batch.toArray());

        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.positions("p1")).containsExactlyElementsOf(IntStream.range(0, p.items.size()).boxed().toList());
        assertThat(fixture.playlistRow("p1")).containsEntry("item_count", p.items.size());
    }

    @Test
    void insertsAndMovesAtOnePlaceOutlastTheRoomBetweenKeysAndKeepTheOrder() {
        Source p = new Source("p1", "ada");
        List<Object> batch = new ArrayList<>(List.of(p.created(false), p.appended("t0", "t1", "t2")));
        for (int i = 0; i < 80; i++) {
            batch.add(p.added(1, "n" + i));
            batch.add(p.moved(p.items.size() - 1, 1, 2));
        }
        fixture.driver.deliver(batch.toArray());

        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.positions("p1")).containsExactlyElementsOf(IntStream.range(0, p.items.size()).boxed().toList());
    }

    @Test
    void aBatchDeliveredAgainWritesNothingTwice() {
        Source p = new Source("p1", "ada");
        Object[] batch = {p.created(false), p.appended("t1", "t2"), p.added(0, "t3"), p.removed(1), p.moved(0, 1, 2)};

        fixture.driver.deliver(batch);
        fixture.driver.deliver(batch);
        fixture.driver.deliverEach(batch);

        assertThat(fixture.itemIds("p1")).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.playlistRow("p1")).containsEntry("item_count", 2).containsEntry("snapshot", 5L);
        assertThat(fixture.operations("p1")).isEqualTo(4);
    }

    @Test
    void aReplayFromZeroRebuildsTheSameRows() {
        Source p = new Source("p1", "ada");
        Object[] events = {p.created(false), p.appended("t1", "t2", "t3"), p.moved(2, 1, 0), p.removed(0),
                p.renamed("Again")};
        fixture.driver.deliver(events);
        List<String> before = fixture.itemIds("p1");

        fixture.driver.reset();
        assertThat(fixture.itemIds("p1")).isEmpty();
        fixture.driver.deliver(events);

        assertThat(fixture.itemIds("p1")).isEqualTo(before).containsExactlyElementsOf(p.itemIds());
        assertThat(fixture.playlistRow("p1")).containsEntry("name", "Again").containsEntry("snapshot", 5L);
    }

    @Test
    void theLogKeepsTheLastThousandEditsAndOlderSnapshotsAnswerWithTheItems() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(false), p.appended("t0", "t1", "t2"));
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            batch.add(i % 2 == 0 ? p.appended("x" + i) : p.removed(0));
        }
        fixture.driver.deliver(batch.toArray());

        long snapshot = p.snapshot;
        long logFrom = (long) fixture.playlistRow("p1").get("log_from");
        assertThat(fixture.operations("p1")).isBetween((long) PlaylistProjection.LOG_KEPT,
                (long) PlaylistProjection.LOG_KEPT + PlaylistProjection.LOG_SLACK);
        assertThat(logFrom).isGreaterThan(2).isLessThanOrEqualTo(snapshot - PlaylistProjection.LOG_KEPT);
        assertThat(fixture.reader.changes("p1", 2).orElseThrow().reset()).isTrue();
        assertThat(fixture.reader.changes("p1", snapshot - 1000).orElseThrow().operations()).hasSize(1000);
    }

    @Test
    void collaboratorsAndPendingInvitationsFollowTheirEvents() {
        Source p = new Source("p1", "ada");
        var t = PlaylistFixture.T0;
        fixture.driver.deliver(p.created(false),
                new CollaboratorInvited("p1", "inv1", "bo", t.plus(Duration.ofDays(7)), t, "ada"),
                new CollaboratorInvited("p1", "inv2", "cy", t.plus(Duration.ofDays(7)), t, "ada"),
                new CollaboratorInvited("p1", "inv3", "di", t.plus(Duration.ofDays(7)), t, "ada"),
                new CollaboratorInvited("p1", "inv4", "ed", t.plus(Duration.ofDays(7)), t, "ada"));
        fixture.driver.deliver(new InvitationAccepted("p1", "inv1", "bo", t.plusSeconds(5), "bo"),
                new InvitationDeclined("p1", "inv2", "cy", t.plusSeconds(5), "cy"),
                new InvitationExpired("p1", "inv3", "di", t.plus(Duration.ofDays(7)), "system"));

        var details = fixture.reader.details("p1").orElseThrow();
        assertThat(details.collaborators()).containsExactly("bo");
        assertThat(details.invitations()).extracting(Playlists.Invitation::inviteeId).containsExactly("ed");
        assertThat(details.visibleTo("bo")).isTrue();
        assertThat(details.visibleTo("cy")).isFalse();
        assertThat(fixture.reader.ofUser("bo", 10, 0).items()).extracting(Playlists.Summary::playlistId)
                .containsExactly("p1");

        fixture.driver.deliver(new CollaboratorRemoved("p1", "bo", t.plusSeconds(9), "bo"));

        assertThat(fixture.reader.details("p1").orElseThrow().collaborators()).isEmpty();
        assertThat(fixture.reader.ofUser("bo", 10, 0).total()).isZero();
    }

    @Test
    void aDeletedPlaylistIsGoneForReadersAndTakesNoFurtherEdit() {
        Source p = new Source("p1", "ada");
        fixture.driver.deliver(p.created(true), p.appended("t1"));
        fixture.driver.deliver(new PlaylistDeleted("p1", "ada", PlaylistFixture.T0.plusSeconds(60), "ada"));
        fixture.driver.deliver(p.appended("t2"));

        assertThat(fixture.reader.details("p1")).isEmpty();
        assertThat(fixture.reader.items("p1", 10, 0)).isEmpty();
        assertThat(fixture.itemIds("p1")).isEmpty();
        assertThat(fixture.reader.ofUser("ada", 10, 0).total()).isZero();
    }
}

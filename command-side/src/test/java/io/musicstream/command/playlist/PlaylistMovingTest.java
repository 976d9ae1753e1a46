package io.musicstream.command.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.events.playlist.PlaylistItemsMoved;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving a range with Spotify's reorder semantics. */
class PlaylistMovingTest extends PlaylistFixture {

    @Test
    void movingARangeDownAndUp() {
        fixture.given(withTracks(5))
                .when(move(1, 2, 4, "2"))
                .expectEvents(new PlaylistItemsMoved(PLAYLIST, 1, 2, 4, T1, OWNER, "3"))
                .expectResultMessagePayload("3");
        fixture.given(withTracks(5))
                .when(move(3, 2, 0, null))
                .expectEvents(new PlaylistItemsMoved(PLAYLIST, 3, 2, 0, T1, OWNER, "3"));
    }

    @Test
    void aRangeLengthOfNothingMovesOneItem() {
        fixture.given(withTracks(3))
                .when(move(0, null, 3, null))
                .expectEvents(new PlaylistItemsMoved(PLAYLIST, 0, 1, 3, T1, OWNER, "3"));
    }

    @Test
    void movingARangeToWhereItStandsWritesNothing() {
        for (int insertBefore : new int[] {1, 2, 3}) {
            fixture.given(withTracks(5))
                    .when(move(1, 2, insertBefore, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload("2");
        }
    }

    @Test
    void cannotMoveOutsideThePlaylistOrAnEmptyRange() {
        for (MovePlaylistItems move : List.of(move(4, 2, 0, null), move(0, 1, 6, null), move(0, 0, 3, null),
                move(-1, 1, 3, null), move(0, 1, -1, null))) {
            fixture.given(withTracks(5))
                    .when(move)
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void theRangeGoesBeforeTheItemAtInsertBeforeInTheListBeforeTheMove() {
        // [A,B,C,D,E], rangeStart 0, insertBefore 3 -> [B,C,A,D,E]
        List<String> list = new ArrayList<>(List.of("A", "B", "C", "D", "E"));
        Playlist.move(list, 0, 1, 3);
        assertThat(list).containsExactly("B", "C", "A", "D", "E");
        // rangeStart 4, insertBefore 0 -> [E,A,B,C,D]
        list = new ArrayList<>(List.of("A", "B", "C", "D", "E"));
        Playlist.move(list, 4, 1, 0);
        assertThat(list).containsExactly("E", "A", "B", "C", "D");
        // rangeStart 1, rangeLength 2, insertBefore 5 (the end) -> [A,D,E,B,C]
        list = new ArrayList<>(List.of("A", "B", "C", "D", "E"));
        Playlist.move(list, 1, 2, 5);
        assertThat(list).containsExactly("A", "D", "E", "B", "C");
    }
}

package io.musicstream.command.library.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.command.library.LibraryPositions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class LastSyncTokensTest {

    /** Issued up to 40; u-1's library had reached sequence 3 at token 25. */
    private final LastSyncTokens tokens = new LastSyncTokens(new LibraryPositions() {
        @Override
        public long latestToken(String userId) {
            return 30;
        }

        @Override
        public long sequenceAt(String userId, long token) {
            return userId.equals("u-1") && token == 25 ? 3 : -1;
        }

        @Override
        public long lastIssued() {
            return 40;
        }
    });

    @Test
    void aDeviceThatNeverSyncedHasSeenNothing() {
        assertThat(tokens.lastSeenSequence("u-1", 0)).isEqualTo(-1);
    }

    @Test
    void aTokenIsTheLibrarysSequenceAtIt() {
        assertThat(tokens.lastSeenSequence("u-1", 25)).isEqualTo(3);
        assertThat(tokens.lastSeenSequence("u-1", 40)).isEqualTo(-1);
    }

    @Test
    void aTokenNeverIssuedIsRefused() {
        assertThatThrownBy(() -> tokens.lastSeenSequence("u-1", 41))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getReason()).isEqualTo("lastSyncToken 41 was never issued (the latest is 40)");
                });
    }
}

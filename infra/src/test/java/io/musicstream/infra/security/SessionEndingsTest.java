package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

class SessionEndingsTest {

    private final StringRedisTemplate redis = mock(StringRedisTemplate.class);
    private final SessionEndings endings = new SessionEndings(redis);
    private final List<String> heard = new ArrayList<>();

    @Test
    void aSessionEndedHereIsToldToListenersAndToTheOtherNodes() {
        endings.onEnded(heard::add);

        endings.endedHere("session:abc");

        assertThat(heard).containsExactly("session:abc");
        verify(redis).convertAndSend(SessionEndings.CHANNEL, "session:abc");
    }

    @Test
    void aSessionEndedElsewhereIsToldToListenersOnly() {
        endings.onEnded(heard::add);

        endings.endedElsewhere("session:abc");

        assertThat(heard).containsExactly("session:abc");
        verifyNoInteractions(redis);
    }

    @Test
    void aListenerThatFailsDoesNotKeepTheOthersFromHearing() {
        endings.onEnded(key -> {
            throw new IllegalStateException("broken listener");
        });
        endings.onEnded(heard::add);

        endings.endedElsewhere("session:abc");

        assertThat(heard).containsExactly("session:abc");
    }
}

package io.musicstream.query.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class StreamRegistryTest {

    private final PushSenders senders = new PushSenders(1, 0, 1_000_000_000L);
    private final StreamRegistry registry = new StreamRegistry(2, 3);

    @AfterEach
    void stop() {
        senders.shutdown();
    }

    @Test
    void aUserHoldsAtMostItsCapAndTheNodeAtMostItsOwn() {
        registry.add(stream("ada", "s-1"));
        registry.add(stream("ada", "s-2"));
        assertThatThrownBy(() -> registry.add(stream("ada", "s-3"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessage("at most 2 push streams per user; close one of your other devices' streams first");
        registry.add(stream("bob", "s-4"));
        assertThatThrownBy(() -> registry.add(stream("cyd", "s-5"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessage("this server holds its maximum of 3 push streams; retry later");
        assertThat(registry.open()).isEqualTo(3);
        assertThat(registry.users()).containsExactlyInAnyOrder("ada", "bob");
    }

    @Test
    void aRemovedStreamFreesItsPlaceAndCountsOnce() {
        PushStream phone = stream("ada", "s-1");
        registry.add(phone);
        registry.add(stream("ada", "s-2"));

        registry.remove(phone);
        registry.remove(phone);

        assertThat(registry.open()).isEqualTo(1);
        assertThat(registry.ofUser("ada")).hasSize(1);
        assertThat(registry.sessions()).containsExactly("s-2");
        registry.add(stream("ada", "s-3"));
        assertThat(registry.open()).isEqualTo(2);
    }

    @Test
    void aSessionsStreamsAreTakenOutTogetherAndNoOthers() {
        PushStream phone = stream("ada", "s-1");
        PushStream tablet = stream("ada", "s-1");
        PushStream laptop = stream("ada", "s-2");
        registry.add(phone);
        registry.add(tablet);
        assertThatThrownBy(() -> registry.add(laptop)).isInstanceOf(TooManyStreamsException.class);

        assertThat(registry.removeSession("s-1")).containsExactlyInAnyOrder(phone, tablet);
        assertThat(registry.removeSession("s-1")).isEmpty();
        assertThat(registry.removeSession("never-opened")).isEmpty();
    }

    @Test
    void knowsWhenNoUserIsListening() {
        assertThat(registry.isEmpty()).isTrue();
        PushStream stream = stream("ada", "s-1");
        registry.add(stream);
        assertThat(registry.isEmpty()).isFalse();
        assertThat(registry.hasUser("ada")).isTrue();
        registry.remove(stream);
        assertThat(registry.isEmpty()).isTrue();
        assertThat(registry.hasUser("ada")).isFalse();
    }

    private PushStream stream(String userId, String sessionId) {
        return new PushStream(userId, sessionId, new SseEmitter(0L), senders, registry::remove);
    }
}

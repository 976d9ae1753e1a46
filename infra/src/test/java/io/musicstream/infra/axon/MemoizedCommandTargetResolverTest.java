package io.musicstream.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicstream.command.library.SaveToLibrary;
import io.musicstream.events.library.LibraryItemType;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

class MemoizedCommandTargetResolverTest {

    record OnComponent(@TargetAggregateIdentifier String id, @TargetAggregateVersion int version) {
    }

    record VersionAsText(@TargetAggregateIdentifier String id, @TargetAggregateVersion String version) {
    }

    static class OnField {
        @TargetAggregateIdentifier
        private final Object id = 42;
    }

    record NoTarget(String id) {
    }

    record Failing(String id) {
        @TargetAggregateIdentifier
        String target() {
            throw new IllegalStateException("no id");
        }
    }

    private final MemoizedCommandTargetResolver memoized = new MemoizedCommandTargetResolver();
    private final AnnotationCommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    @Test
    void resolvesWhatAxonsResolverResolves() {
        for (Object command : List.of(
                new SaveToLibrary("user-1", LibraryItemType.TRACK, List.of("t"), "SE", null),
                new OnComponent("a-1", 3), new VersionAsText("a-2", "7"), new VersionAsText("a-3", null),
                new OnField(), new OnComponent("a-1", 4))) {
            GenericCommandMessage<Object> message = new GenericCommandMessage<>(command);
            assertThat(memoized.resolveTarget(message)).isEqualTo(axons.resolveTarget(message));
        }
        assertThat(memoized.resolveTarget(new GenericCommandMessage<>(new OnComponent("a-1", 3))).getVersion())
                .isEqualTo(3L);
    }

    @Test
    void refusesCommandsWithoutATarget() {
        assertThatThrownBy(() -> memoized.resolveTarget(new GenericCommandMessage<>(new NoTarget("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[NoTarget]");
        assertThatThrownBy(() -> memoized.resolveTarget(new GenericCommandMessage<>(new OnComponent(null, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@TargetAggregateIdentifier");
        assertThatThrownBy(() -> memoized.resolveTarget(new GenericCommandMessage<>(new Failing("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasRootCauseMessage("no id");
    }
}

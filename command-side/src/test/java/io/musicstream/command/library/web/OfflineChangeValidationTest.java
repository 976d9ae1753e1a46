package io.musicstream.command.library.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.command.library.LibraryAction;
import io.musicstream.events.library.LibraryItemType;
import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The offline change's validation names exactly the constants the controller turns its fields into. */
class OfflineChangeValidationTest {

    @Test
    void actionAndItemTypeAcceptExactlyTheNamesOfTheirConstants() throws Exception {
        assertThat(alternatives("action")).isEqualTo(names(LibraryAction.class));
        assertThat(alternatives("itemType")).isEqualTo(names(LibraryItemType.class));
    }

    private static Set<String> alternatives(String component) throws NoSuchFieldException {
        String regexp = OfflineChange.class.getDeclaredField(component)
                .getAnnotation(Pattern.class).regexp();
        assertThat(regexp).startsWith("(?i)");
        return Set.of(regexp.substring(4).split("\\|"));
    }

    private static Set<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}

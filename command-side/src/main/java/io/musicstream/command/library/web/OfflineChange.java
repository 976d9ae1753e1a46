package io.musicstream.command.library.web;

import static io.musicstream.command.library.web.LibraryCommandController.MAX_ID;

import io.musicstream.command.library.LibraryAction;
import io.musicstream.command.library.OfflineLibraryChange;
import io.musicstream.events.library.LibraryItemType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Locale;

/** One change a device made offline, as the API takes it. */
record OfflineChange(@NotBlank @Size(max = MAX_ID) String clientChangeId,
                     @NotNull @Pattern(regexp = "(?i)save|remove", message = "must be save or remove")
                     String action,
                     @NotNull @Pattern(regexp = "(?i)track|album|artist",
                             message = "must be track, album or artist") String itemType,
                     @NotBlank @Size(max = MAX_ID) String itemId, @NotNull Instant clientTimestamp) {

    /** Only after validation: action and itemType were validated as names of these constants. */
    OfflineLibraryChange toChange() {
        return new OfflineLibraryChange(clientChangeId, LibraryAction.valueOf(action.toUpperCase(Locale.ROOT)),
                LibraryItemType.valueOf(itemType.toUpperCase(Locale.ROOT)), itemId, clientTimestamp);
    }
}

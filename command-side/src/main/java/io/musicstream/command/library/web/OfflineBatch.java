package io.musicstream.command.library.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes a device made offline.
 *
 * @param lastSyncToken the sync token the device had synced to when it went offline (0 if never)
 */
record OfflineBatch(@NotNull @PositiveOrZero Long lastSyncToken,
                    @NotEmpty @Size(max = 1_000) List<@NotNull @Valid OfflineChange> changes) {
}

package io.musicstream.command.catalog.web;

import io.musicstream.events.catalog.RightsRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record RightsShareRequest(@NotBlank String partyId, String name, @NotNull RightsRole role,
                                 int shareBasisPoints) {
}

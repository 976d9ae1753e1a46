package io.musicstream.command.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record RegisterArtistRequest(@NotBlank @Size(max = 300) String name) {
}

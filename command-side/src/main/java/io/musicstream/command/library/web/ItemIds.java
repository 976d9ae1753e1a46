package io.musicstream.command.library.web;

import static io.musicstream.command.library.web.LibraryCommandController.MAX_BULK;
import static io.musicstream.command.library.web.LibraryCommandController.MAX_ID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of a bulk save or remove. */
record ItemIds(@NotEmpty @Size(max = MAX_BULK) List<@NotBlank @Size(max = MAX_ID) String> ids) {
}

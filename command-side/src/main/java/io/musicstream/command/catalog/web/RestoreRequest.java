package io.musicstream.command.catalog.web;

import jakarta.validation.constraints.NotBlank;
import java.util.List;

record RestoreRequest(List<@NotBlank String> territories) {
}

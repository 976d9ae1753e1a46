package io.musicstream.command.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

record TakedownRequest(List<@NotBlank String> territories, @NotBlank @Size(max = 500) String reason) {
}

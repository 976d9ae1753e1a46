package io.musicstream.command.account.web;

import io.musicstream.command.account.ChangeUserCountry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Changes to the caller's own account. */
@RestController
@RequestMapping("/api/v1/me")
class AccountCommandController {

    private final CommandGateway commands;
    private final Clock clock;

    AccountCommandController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public record CountryRequest(@NotBlank @Pattern(regexp = "[A-Z]{2}",
            message = "must be an ISO 3166-1 alpha-2 code such as SE") String country) {
    }

    /** Where the caller listens from: the catalog must be licensed there for them to save or play it. */
    @PutMapping("/country")
    public CountryRequest changeCountry(@Valid @RequestBody CountryRequest request, Principal user) {
        commands.sendAndWait(new ChangeUserCountry(user.getName(), request.country(), clock.instant()));
        return request;
    }
}

package io.musicstream.command.playback.web;

import io.musicstream.command.playback.AdoptStreamRules;
import io.musicstream.command.playback.StreamRulesInForce;
import io.musicstream.events.playback.StreamRulesAdopted;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins adopt the rules that decide which plays count as streams, and list every version. */
@RestController
@RequestMapping("/api/v1/admin/stream-rules")
@PreAuthorize("hasRole('ADMIN')")
class StreamRulesController {

    private final CommandGateway commands;
    private final StreamRulesInForce rules;
    private final Clock clock;

    StreamRulesController(CommandGateway commands, StreamRulesInForce rules, Clock clock) {
        this.commands = commands;
        this.rules = rules;
        this.clock = clock;
    }

    /** Ranges are checked by the rules aggregate, which names the field. */
    public record AdoptRequest(@NotNull Long minMsPlayed, @NotNull Long repeatWindowSeconds,
                               @NotNull Instant effectiveFrom) {
    }

    /** @param adoptedBy the admin's user id, or {@code null} for version 1, which holds until one is adopted */
    public record RulesVersion(int version, long minMsPlayed, long repeatWindowSeconds, Instant effectiveFrom,
                               String adoptedBy) {

        static RulesVersion of(StreamRulesAdopted rules) {
            return new RulesVersion(rules.version(), rules.minMsPlayed(), rules.repeatWindowMs() / 1000,
                    rules.effectiveFrom(), rules.adoptedBy());
        }
    }

    public record RulesVersions(List<RulesVersion> items) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RulesVersion adopt(@Valid @RequestBody AdoptRequest request, Principal admin) {
        long seconds = Math.max(-1, Math.min(request.repeatWindowSeconds(), Long.MAX_VALUE / 1000));
        AdoptStreamRules command = new AdoptStreamRules(request.minMsPlayed(), seconds * 1000, request.effectiveFrom(),
                admin.getName(), clock.instant());
        int version = commands.sendAndWait(command);
        return RulesVersion.of(new StreamRulesAdopted(version, command.minMsPlayed(), command.repeatWindowMs(),
                command.effectiveFrom(), command.adoptedBy()));
    }

    @GetMapping
    public RulesVersions list() {
        return new RulesVersions(rules.history().versions().stream().map(RulesVersion::of).toList());
    }
}

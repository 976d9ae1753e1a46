package io.musicstream.command.royalty.web;

import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.royalty.AdoptRoyaltyRules;
import io.musicstream.command.royalty.CloseRoyaltyPeriod;
import io.musicstream.command.royalty.DeclareRevenuePool;
import io.musicstream.command.royalty.RoyaltyPeriod;
import io.musicstream.command.royalty.RoyaltyRulesInForce;
import io.musicstream.events.account.Plan;
import io.musicstream.events.royalty.PayoutModel;
import io.musicstream.events.royalty.RoyaltyRulesAdopted;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins adopt royalty rules, list every version, declare the revenue pools of each period and close it. */
@RestController
@RequestMapping("/api/v1/admin/royalties")
@PreAuthorize("hasRole('ADMIN')")
class RoyaltyAdminController {

    private final CommandGateway commands;
    private final RoyaltyRulesInForce rules;
    private final Clock clock;

    RoyaltyAdminController(CommandGateway commands, RoyaltyRulesInForce rules, Clock clock) {
        this.commands = commands;
        this.rules = rules;
        this.clock = clock;
    }

    /** Ranges are checked by the rules aggregate, which names the field. */
    public record AdoptRequest(@NotNull PayoutModel model, @NotNull Long minTrackStreams, @NotNull Integer userDailyCap,
                               @NotNull Long artistMinStreams, @NotNull Long artistMinListeners,
                               @NotNull Integer artistWeight, @NotNull Integer soughtOutWeight,
                               @NotNull Instant effectiveFrom) {
    }

    /** @param adoptedBy the admin's user id, or {@code null} for version 1, which holds until one is adopted */
    public record RulesVersion(int version, PayoutModel model, long minTrackStreams, int userDailyCap,
                               long artistMinStreams, long artistMinListeners, int artistWeight,
                               int soughtOutWeight, Instant effectiveFrom, String adoptedBy) {

        static RulesVersion of(RoyaltyRulesAdopted rules) {
            return new RulesVersion(rules.version(), rules.model(), rules.minTrackStreams(), rules.userDailyCap(),
                    rules.artistMinStreams(), rules.artistMinListeners(), rules.artistWeight(),
                    rules.soughtOutWeight(), rules.effectiveFrom(), rules.adoptedBy());
        }
    }

    public record RulesVersions(List<RulesVersion> items) {
    }

    /** Period, territory and currency are checked by the period aggregate, which names the field. */
    public record PoolRequest(@NotNull String period, @NotNull String territory, @NotNull Plan tier,
                              @NotNull Long amountMinor, @NotNull String currency) {
    }

    public record RevenuePool(String period, String territory, Plan tier, long amountMinor, String currency,
                              Instant declaredAt, String declaredBy) {
    }

    /** @param rulesVersion the royalty rules version that decides the period */
    public record PeriodClosed(String period, int rulesVersion, Instant closedAt) {
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    public RulesVersion adopt(@Valid @RequestBody AdoptRequest request, Principal admin) {
        AdoptRoyaltyRules command = new AdoptRoyaltyRules(request.model(), request.minTrackStreams(),
                request.userDailyCap(), request.artistMinStreams(), request.artistMinListeners(),
                request.artistWeight(), request.soughtOutWeight(), request.effectiveFrom(), admin.getName(),
                clock.instant());
        int version = commands.sendAndWait(command);
        return RulesVersion.of(new RoyaltyRulesAdopted(version, command.model(), command.minTrackStreams(),
                command.userDailyCap(), command.artistMinStreams(), command.artistMinListeners(),
                command.artistWeight(), command.soughtOutWeight(), command.effectiveFrom(), command.adoptedBy()));
    }

    @GetMapping("/rules")
    public RulesVersions list() {
        return new RulesVersions(rules.history().versions().stream().map(RulesVersion::of).toList());
    }

    @PostMapping("/pools")
    @ResponseStatus(HttpStatus.CREATED)
    public RevenuePool declare(@Valid @RequestBody PoolRequest request, Principal admin) {
        // the period is the aggregate's id, looked up before the aggregate can refuse it
        String periodFault = RoyaltyPeriod.periodFault(request.period());
        if (periodFault != null) {
            throw new InvalidInputException(List.of("period: " + periodFault));
        }
        DeclareRevenuePool command = new DeclareRevenuePool(request.period(), request.territory(), request.tier(),
                request.amountMinor(), request.currency(), admin.getName(), clock.instant());
        commands.sendAndWait(command);
        return new RevenuePool(command.period(), command.territory(), command.tier(), command.amountMinor(),
                command.currency(), command.requestedAt(), command.declaredBy());
    }

    /** Closes a period whose month has ended; the period aggregate refuses one not ended or already closed. */
    @PostMapping("/periods/{period}/close")
    public PeriodClosed close(@PathVariable String period, Principal admin) {
        String periodFault = RoyaltyPeriod.periodFault(period);
        if (periodFault != null) {
            throw new InvalidInputException(List.of("period: " + periodFault));
        }
        CloseRoyaltyPeriod command = new CloseRoyaltyPeriod(period, clock.instant(), admin.getName());
        int rulesVersion = commands.sendAndWait(command);
        return new PeriodClosed(period, rulesVersion, command.requestedAt());
    }
}

package io.musicstream.infra.security;

import io.musicstream.command.account.ChangeUserPassword;
import io.musicstream.command.account.ChangePlan;
import io.musicstream.command.account.ChangeUserRoles;
import io.musicstream.command.account.PlanChangeResult;
import io.musicstream.events.account.Plan;
import io.musicstream.events.account.PlanChanged;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccountView;
import io.musicstream.projections.account.UserAccounts;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Passwords, signing out everywhere, and roles: changes that end sessions, so they live beside them. */
@RestController
class AccountController {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final UserAccounts accounts;
    private final Accounts passwordChecks;
    private final SessionStore sessions;
    private final CommandGateway commands;
    private final Clock clock;

    AccountController(UserAccounts accounts, Accounts passwordChecks, SessionStore sessions,
                      CommandGateway commands, Clock clock) {
        this.accounts = accounts;
        this.passwordChecks = passwordChecks;
        this.sessions = sessions;
        this.commands = commands;
        this.clock = clock;
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters")
                          String newPassword) {
    }

    /** Replaces the caller's password and ends their other sessions; this one stays. */
    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange request, Principal user,
                                        HttpServletRequest http) {
        if (request.newPassword().equals(request.currentPassword())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "newPassword: must differ from the current password");
        }
        UserAccountView account = accounts.byId(user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "account no longer exists"));
        if (!passwordChecks.matches(request.currentPassword(), account)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "currentPassword is not your current password");
        }
        commands.sendAndWait(new ChangeUserPassword(account.userId(), passwordChecks.hash(request.newPassword()),
                clock.instant()));
        sessions.closeAll(account.userId(), (String) http.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE));
        return ResponseEntity.noContent().build();
    }

    /** Ends every session of the caller, this one included, on every node. */
    @PostMapping("/api/v1/auth/logout-all")
    ResponseEntity<Void> logoutEverywhere(Principal user) {
        sessions.closeAll(user.getName(), null);
        return ResponseEntity.noContent().build();
    }

    record RolesRequest(@NotEmpty(message = "must name at least one role") @Size(max = 16) Set<Role> roles) {
    }

    record RolesResponse(String userId, String username, Set<Role> roles) {
    }

    /**
     * Sets a user's roles. The user's sessions end, so the new roles apply from their next login. An admin
     * cannot take the ADMIN role from themselves (that could leave no admin).
     */
    @PutMapping("/api/v1/admin/users/{userId}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    RolesResponse changeRoles(@PathVariable String userId, @Valid @RequestBody RolesRequest request,
                              Principal admin) {
        if (request.roles().stream().anyMatch(Objects::isNull)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "roles: must not contain null");
        }
        UserAccountView account = (USER_ID.matcher(userId).matches() ? accounts.byId(userId)
                : Optional.<UserAccountView>empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user"));
        Set<Role> roles = EnumSet.copyOf(request.roles());
        if (account.userId().equals(admin.getName()) && !roles.contains(Role.ADMIN)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "you cannot take the ADMIN role from yourself; ask another admin");
        }
        commands.sendAndWait(new ChangeUserRoles(account.userId(), roles, admin.getName(), clock.instant()));
        sessions.closeAll(account.userId(), null);
        return new RolesResponse(account.userId(), account.username(), roles);
    }

    /** The plan as text, so that only the exact names pass (an enum would also take an index such as 1). */
    record PlanRequest(@NotNull(message = "must be FREE or PREMIUM")
                       @Schema(allowableValues = {"FREE", "PREMIUM"}) String plan) {
    }

    record PlanResponse(String userId, String username, Plan plan, Set<Role> roles) {
    }

    /**
     * Puts a user on a plan; the PREMIUM role follows it. When the roles change, the user's sessions end, as
     * for any role change.
     */
    @PutMapping("/api/v1/admin/users/{userId}/plan")
    @PreAuthorize("hasRole('ADMIN')")
    PlanResponse changePlan(@PathVariable String userId, @Valid @RequestBody PlanRequest request, Principal admin) {
        Plan plan = Arrays.stream(Plan.values()).filter(p -> p.name().equals(request.plan())).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "plan: must be FREE or PREMIUM"));
        UserAccountView account = (USER_ID.matcher(userId).matches() ? accounts.byId(userId)
                : Optional.<UserAccountView>empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such user"));
        PlanChangeResult result = commands.sendAndWait(new ChangePlan(account.userId(), plan,
                PlanChanged.ADMIN, admin.getName(), clock.instant()));
        if (result.rolesChanged()) {
            sessions.closeAll(account.userId(), null);
        }
        return new PlanResponse(account.userId(), account.username(), result.plan(), result.roles());
    }
}

package io.musicstream.query.account;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccounts;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Finds accounts for admins, e.g. to look up the id whose roles to change. */
@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

    private final UserAccounts accounts;

    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public record UserSummary(String userId, String username, Set<Role> roles, String country,
                              Instant registeredAt, Plan plan) {
    }

    public record Users(List<UserSummary> items) {
    }

    /** The account whose username is exactly {@code username} (case-insensitive), as a list of zero or one. */
    @GetMapping
    public Users find(@RequestParam String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "username must be 1 to 64 characters without control characters");
        }
        return new Users(accounts.byUsername(name)
                .map(a -> new UserSummary(a.userId(), a.username(), a.roles(), a.country(), a.registeredAt(), a.plan()))
                .stream().toList());
    }
}

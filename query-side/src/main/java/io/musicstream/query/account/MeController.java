package io.musicstream.query.account;

import io.musicstream.events.account.Plan;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccounts;
import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final UserAccounts accounts;

    MeController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** {@code plan}: FREE until the user's plan is changed. */
    public record Me(String userId, String username, Set<Role> roles, Instant registeredAt, String country,
                     Plan plan) {
    }

    @GetMapping
    public Me me(Principal user) {
        return accounts.byId(user.getName())
                .map(a -> new Me(a.userId(), a.username(), a.roles(), a.registeredAt(), a.country(), a.plan()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "account no longer exists"));
    }
}

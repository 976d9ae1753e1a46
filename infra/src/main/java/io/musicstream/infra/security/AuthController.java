package io.musicstream.infra.security;

import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccountView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Accounts accounts;
    private final SessionStore sessions;

    private final java.time.Clock clock;

    AuthController(Accounts accounts, SessionStore sessions, java.time.Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    record RegisterRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,32}",
                    message = "must be 3 to 32 letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as SE") String country) {
    }

    record AccountResponse(String userId, String username, Set<Role> roles, String country) {
    }

    @PostMapping("/register")
    ResponseEntity<AccountResponse> register(@Valid @RequestBody RegisterRequest request) {
        UserAccountView account = accounts.register(request.username(), request.password(), Set.of(Role.LISTENER),
                request.country());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AccountResponse(account.userId(), account.username(), account.roles(), account.country()));
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
    }

    /**
     * {@code expiresInSeconds} is the sliding lifetime (renewed by use); the session ends at
     * {@code expiresAtLatest} whatever the use.
     */
    record LoginResponse(String token, String tokenType, long expiresInSeconds, java.time.Instant expiresAtLatest,
                         String userId, String username, Set<Role> roles) {
    }

    @PostMapping("/login")
    LoginResponse login(@Valid @RequestBody LoginRequest request) {
        UserAccountView account = accounts.authenticate(request.username(), request.password())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "invalid username or password"));
        Session session = new Session(account.userId(), account.username(), account.roles(), clock.instant());
        String token = sessions.open(session);
        return new LoginResponse(token, "Bearer", sessions.ttl().toSeconds(), sessions.deadline(session.createdAt()),
                account.userId(), account.username(), account.roles());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        Object token = request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE);
        if (token != null) {
            sessions.close((String) token);
        }
        return ResponseEntity.noContent().build();
    }
}

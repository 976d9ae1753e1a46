package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.musicstream.command.account.ChangeUserPassword;
import io.musicstream.events.account.Role;
import io.musicstream.projections.account.UserAccountView;
import io.musicstream.projections.account.UserAccounts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.password.PasswordEncoder;

class AdminAccountBootstrapTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final Accounts accounts = mock(Accounts.class);
    private final UserAccounts readModel = mock(UserAccounts.class);
    private final PasswordEncoder passwords = mock(PasswordEncoder.class);
    private final CommandGateway commands = mock(CommandGateway.class);

    @TempDir
    Path dir;

    private AdminAccountBootstrap bootstrap(String password, boolean generate) {
        return new AdminAccountBootstrap(accounts, readModel, passwords, commands, Clock.fixed(NOW, ZoneOffset.UTC),
                "admin", password, generate, dir);
    }

    private void existingAdmin(String hash) {
        when(readModel.byUsername("admin")).thenReturn(Optional.of(new UserAccountView("u-admin", "admin", hash,
                EnumSet.allOf(Role.class), NOW, null)));
    }

    @Test
    void aMissingPasswordRefusesTheStartBeforeTouchingAnyAccount() {
        assertThatThrownBy(() -> bootstrap("", false).run(null))
                .isInstanceOf(AdminPassword.RefusedException.class).hasMessageContaining("MUSIC_ADMIN_PASSWORD");
        verifyNoInteractions(accounts, readModel, commands);
    }

    @Test
    void theAdminIsCreatedWithEveryRoleWhenMissing() {
        when(readModel.byUsername("admin")).thenReturn(Optional.empty());
        bootstrap("Strong-admin-pass", false).run(null);
        verify(accounts).register("admin", "Strong-admin-pass", EnumSet.allOf(Role.class), null);
    }

    @Test
    void anAdminStillOnTheFormerDefaultGetsTheConfiguredPassword() {
        existingAdmin("old-hash");
        when(passwords.matches(AdminPassword.FORMER_DEFAULT, "old-hash")).thenReturn(true);
        when(passwords.encode("Strong-admin-pass")).thenReturn("new-hash");
        bootstrap("Strong-admin-pass", false).run(null);
        verify(commands).sendAndWait(new ChangeUserPassword("u-admin", "new-hash", NOW));
    }

    @Test
    void anAdminStillOnTheFormerDefaultGetsTheGeneratedPasswordUnderMakeRun() {
        existingAdmin("old-hash");
        when(passwords.matches(AdminPassword.FORMER_DEFAULT, "old-hash")).thenReturn(true);
        when(passwords.encode(any())).thenReturn("new-hash");
        bootstrap("", true).run(null);
        verify(commands).sendAndWait(new ChangeUserPassword("u-admin", "new-hash", NOW));
        verify(passwords).encode(eq(AdminPassword.resolve(null, true, dir).password()));
    }

    @Test
    void anAdminWithAnotherPasswordIsLeftAlone() {
        existingAdmin("changed-hash");
        when(passwords.matches(AdminPassword.FORMER_DEFAULT, "changed-hash")).thenReturn(false);
        bootstrap("Strong-admin-pass", false).run(null);
        verify(commands, never()).sendAndWait(any());
        verify(accounts, never()).register(any(), any(), any(), any());
    }
}

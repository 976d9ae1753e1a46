package io.musicstream.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {

    @TempDir
    Path dir;

    @Test
    void aStartWithoutAPasswordOrGenerationIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AdminPassword.resolve("", false, dir))
                .isInstanceOf(AdminPassword.RefusedException.class)
                .hasMessageContaining("MUSIC_ADMIN_PASSWORD").hasMessageContaining("no admin password");
        assertThatThrownBy(() -> AdminPassword.resolve(null, false, dir))
                .isInstanceOf(AdminPassword.RefusedException.class);
        assertThat(dir.resolve(AdminPassword.FILE_NAME)).doesNotExist();
    }

    @Test
    void theFormerDefaultIsRefusedEvenWhenGenerationIsOn() {
        assertThatThrownBy(() -> AdminPassword.resolve("change-me-admin", true, dir))
                .isInstanceOf(AdminPassword.RefusedException.class)
                .hasMessageContaining("MUSIC_ADMIN_PASSWORD").hasMessageContaining("former default");
    }

    @Test
    void shortOrOneClassPasswordsAreRefused() {
        assertThatThrownBy(() -> AdminPassword.resolve("Sh0rt-pass", false, dir))
                .hasMessageContaining("shorter than 12");
        assertThatThrownBy(() -> AdminPassword.resolve("onlylowercaseletters", false, dir))
                .hasMessageContaining("one class");
        assertThatThrownBy(() -> AdminPassword.resolve("123456789012345", false, dir))
                .hasMessageContaining("one class");
    }

    @Test
    void aStrongConfiguredPasswordIsUsedAsGiven() {
        AdminPassword.Resolved resolved = AdminPassword.resolve("test-admin-password", false, dir);
        assertThat(resolved.password()).isEqualTo("test-admin-password");
        assertThat(resolved.generated()).isFalse();
        assertThat(AdminPassword.resolve("correct Horse 7", true, dir).password()).isEqualTo("correct Horse 7");
        assertThat(dir.resolve(AdminPassword.FILE_NAME)).doesNotExist();
    }

    @Test
    void generationStoresAStrongPasswordOwnerOnlyAndLaterStartsReuseIt() throws Exception {
        Path devDir = dir.resolve("dev");
        AdminPassword.Resolved first = AdminPassword.resolve("", true, devDir);
        assertThat(first.generated()).isTrue();
        assertThat(AdminPassword.weakness(first.password())).isEmpty();
        Path file = devDir.resolve(AdminPassword.FILE_NAME);
        assertThat(Files.readString(file).strip()).isEqualTo(first.password());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        AdminPassword.Resolved again = AdminPassword.resolve(null, true, devDir);
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(again.generated()).isFalse();
    }

    @Test
    void aWeakStoredPasswordIsRefused() throws Exception {
        Files.writeString(dir.resolve(AdminPassword.FILE_NAME), "change-me-admin\n");
        assertThatThrownBy(() -> AdminPassword.resolve("", true, dir))
                .isInstanceOf(AdminPassword.RefusedException.class).hasMessageContaining("MUSIC_ADMIN_PASSWORD");
    }
}

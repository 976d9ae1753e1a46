package io.musicstream.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretTest {

    private static final String SECRET = "a-configured-secret-of-32-characters";

    @TempDir
    Path dir;

    @Test
    void aStartWithoutASecretOrGenerationIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> WebhookSecret.resolve("", false, dir))
                .isInstanceOf(WebhookSecret.RefusedException.class)
                .hasMessageContaining("MUSIC_BILLING_WEBHOOK_SECRET");
        assertThatThrownBy(() -> WebhookSecret.resolve(null, false, dir))
                .isInstanceOf(WebhookSecret.RefusedException.class);
        assertThat(dir.resolve(WebhookSecret.FILE_NAME)).doesNotExist();
    }

    @Test
    void aShortSecretIsRefusedEvenWhenGenerationIsOn() {
        assertThatThrownBy(() -> WebhookSecret.resolve("too-short", true, dir))
                .isInstanceOf(WebhookSecret.RefusedException.class)
                .hasMessageContaining("MUSIC_BILLING_WEBHOOK_SECRET").hasMessageContaining("shorter than 32");
    }

    @Test
    void aConfiguredSecretIsUsedAsGiven() {
        assertThat(WebhookSecret.resolve(SECRET, false, dir)).isEqualTo(SECRET);
        assertThat(WebhookSecret.resolve(SECRET, true, dir)).isEqualTo(SECRET);
        assertThat(dir.resolve(WebhookSecret.FILE_NAME)).doesNotExist();
    }

    @Test
    void generationStoresASecretOwnerOnlyAndLaterStartsReuseIt() throws Exception {
        Path devDir = dir.resolve("dev");
        String first = WebhookSecret.resolve("", true, devDir);
        assertThat(first).hasSizeGreaterThanOrEqualTo(WebhookSecret.MIN_LENGTH);
        Path file = devDir.resolve(WebhookSecret.FILE_NAME);
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(WebhookSecret.resolve(null, true, devDir)).isEqualTo(first);
    }

    @Test
    void aSignatureMatchesOnlyItsOwnBodyUnderItsOwnSecret() {
        WebhookSignature signature = new WebhookSignature(SECRET, false, dir);
        byte[] body = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        String signed = signature.sign(body);

        assertThat(signed).matches("sha256=[0-9a-f]{64}");
        assertThat(signature.matches(signed, body)).isTrue();
        assertThat(signature.matches(signed, "{\"eventId\":\"e-2\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new WebhookSignature(SECRET + "x", false, dir).matches(signed, body)).isFalse();
        assertThat(signature.matches(null, body)).isFalse();
        assertThat(signature.matches(signed.substring(7), body)).isFalse();
        assertThat(signature.matches(signed + "00", body)).isFalse();
    }
}

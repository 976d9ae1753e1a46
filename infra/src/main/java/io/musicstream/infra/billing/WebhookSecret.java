package io.musicstream.infra.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Which secret signs the payment provider's callbacks: the configured one (at least {@value #MIN_LENGTH}
 * characters); with {@code generate} (dev) and none configured, one generated and kept owner-only in a file;
 * otherwise the start is refused, so no service ever accepts callbacks signed with a guessable secret.
 */
final class WebhookSecret {

    static final int MIN_LENGTH = 32;
    static final String FILE_NAME = "billing-webhook-secret";

    /** Refuses a start; the message says what to do. */
    static final class RefusedException extends IllegalStateException {
        RefusedException(String message) {
            super(message);
        }
    }

    private WebhookSecret() {
    }

    static String resolve(String configured, boolean generate, Path dir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.strip().length() < MIN_LENGTH) {
                throw refused("the billing webhook secret (MUSIC_BILLING_WEBHOOK_SECRET / music.billing.webhook-secret)"
                        + " is shorter than " + MIN_LENGTH + " characters");
            }
            return configured.strip();
        }
        if (!generate) {
            throw refused("no billing webhook secret is configured: set MUSIC_BILLING_WEBHOOK_SECRET"
                    + " (music.billing.webhook-secret)");
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.length() < MIN_LENGTH) {
                    throw refused("the billing webhook secret stored in " + file + " is shorter than " + MIN_LENGTH
                            + " characters; delete the file or set MUSIC_BILLING_WEBHOOK_SECRET");
                }
                return stored;
            }
            String secret = generate();
            Files.createDirectories(dir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return resolve(null, true, dir);
            }
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated billing webhook secret in " + file, e);
        }
    }

    private static RefusedException refused(String reason) {
        return new RefusedException("Refusing to start: " + reason + ". Set the secret the payment provider signs"
                + " its callbacks with (at least " + MIN_LENGTH + " characters), or start with"
                + " --music.admin.generate-password=true (make run does) to generate one for development.");
    }

    static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

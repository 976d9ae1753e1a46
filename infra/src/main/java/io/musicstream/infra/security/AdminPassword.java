package io.musicstream.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Which admin password a start may use. A weak one is shorter than {@value #MIN_LENGTH} characters, draws
 * from one class only (lower case, upper case, digits, others), or is the former default.
 */
final class AdminPassword {

    static final int MIN_LENGTH = 12;
    static final String FORMER_DEFAULT = "change-me-admin";
    static final String FILE_NAME = "admin-password";

    /** Refuses a start; the message says what to do. */
    static final class RefusedException extends IllegalStateException {
        RefusedException(String message) {
            super(message);
        }
    }

    /** The password and whether this start generated it (then it is to be shown once). */
    record Resolved(String password, boolean generated, Path file) {
    }

    private AdminPassword() {
    }

    /** Why {@code password} is too weak for the admin, or empty when it will do. */
    static Optional<String> weakness(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("is not set");
        }
        if (password.equals(FORMER_DEFAULT)) {
            return Optional.of("is the former default '" + FORMER_DEFAULT + "'");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("is shorter than " + MIN_LENGTH + " characters");
        }
        boolean lower = password.chars().anyMatch(Character::isLowerCase);
        boolean upper = password.chars().anyMatch(Character::isUpperCase);
        boolean digit = password.chars().anyMatch(Character::isDigit);
        boolean other = password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        if ((lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) < 2) {
            return Optional.of("uses only one class of characters (lower case, upper case, digits, others)");
        }
        return Optional.empty();
    }

    /**
     * The configured password if strong; else, with {@code generate}, the one stored in {@code dir}
     * (generated and stored owner-only on first use); else a refusal naming MUSIC_ADMIN_PASSWORD.
     */
    static Resolved resolve(String configured, boolean generate, Path dir) {
        if (configured != null && !configured.isBlank()) {
            weakness(configured).ifPresent(reason -> {
                throw refused("the admin password (MUSIC_ADMIN_PASSWORD / music.admin.password) " + reason);
            });
            return new Resolved(configured, false, null);
        }
        if (!generate) {
            throw refused("no admin password is configured: set MUSIC_ADMIN_PASSWORD (music.admin.password)");
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                weakness(stored).ifPresent(reason -> {
                    throw refused("the admin password stored in " + file + " " + reason
                            + "; delete the file or set MUSIC_ADMIN_PASSWORD");
                });
                return new Resolved(stored, false, file);
            }
            String password = generate();
            Files.createDirectories(dir);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return resolve(null, true, dir);
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return new Resolved(password, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the generated admin password in " + file, e);
        }
    }

    private static RefusedException refused(String reason) {
        return new RefusedException("Refusing to start: " + reason + ". Choose a password of at least "
                + MIN_LENGTH + " characters mixing at least two classes (lower case, upper case, digits, others),"
                + " or start with --music.admin.generate-password=true (make run does) to generate one.");
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (weakness(password).isEmpty()) {
                return password;
            }
        }
    }
}

package io.musicstream.infra.billing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Checks {@value #HEADER}: {@code sha256=<hex HMAC-SHA256 of the raw body>} under the shared secret. The
 * comparison takes the same time wherever the bytes differ, so a caller learns nothing from timing.
 */
@Component
class WebhookSignature {

    static final String HEADER = "X-Billing-Signature";
    private static final String PREFIX = "sha256=";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final SecretKeySpec key;

    WebhookSignature(@Value("${music.billing.webhook-secret:}") String secret,
                     @Value("${music.billing.generate-webhook-secret:${music.admin.generate-password:false}}")
                     boolean generate,
                     @Value("${music.admin.generated-password-dir:.run/dev}") Path dir) {
        this.key = new SecretKeySpec(WebhookSecret.resolve(secret, generate, dir).getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
    }

    /** The header's value for {@code body}. */
    String sign(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(body));
    }

    /** Whether {@code header} is the signature of exactly {@code body}. */
    boolean matches(String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX) || !HEX.matcher(header.substring(PREFIX.length())).matches()) {
            return false;
        }
        byte[] given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        return MessageDigest.isEqual(mac(body), given);
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}

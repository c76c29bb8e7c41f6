package org.fupin.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com): a secret {@code whsec_<base64 of 24 to 64 bytes>}, and
 * for each delivery {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed with the
 * secret's bytes. Receivers verify with any Standard Webhooks library.
 */
public final class Signatures {

    public static final String PREFIX = "whsec_";
    /** A secret a subscriber brings: the prefix and whole base64 groups of 24 to 64 bytes, with at most one padded group after. */
    public static final String SECRET_PATTERN = "^" + PREFIX + "(?:[A-Za-z0-9+/]{4}){6,16}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

    private static final Pattern SECRET = Pattern.compile(SECRET_PATTERN);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether the text is a secret this service can sign with (whole base64 groups always decode). */
    public static boolean validSecret(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /** The {@code webhook-signature} header value of one attempt. */
    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

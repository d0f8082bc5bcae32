package com.example.oauth.common.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What HMAC-SHA1 and HMAC-SHA256 share (RFC 5849 §3.4.2); they differ only in the hash.
 */
final class Hmac {

    private Hmac() {
    }

    static String sign(String jcaAlgorithm, String baseString, String clientSecret, String tokenSecret) {
        Objects.requireNonNull(clientSecret, "clientSecret");
        // §3.4.2: the digest is base64-encoded (RFC 2045 §6.8) into oauth_signature.
        return Base64.getEncoder().encodeToString(mac(jcaAlgorithm, baseString, clientSecret, tokenSecret));
    }

    static boolean verify(String jcaAlgorithm, String baseString, String signature,
                          String clientSecret, String tokenSecret) {
        if (signature == null || baseString == null || clientSecret == null || clientSecret.isEmpty()) {
            // No shared secret means nothing to check against. An empty secret is legal in the
            // RFC but makes the key "&" + token secret, guessable, so refuse it here.
            return false;
        }
        byte[] sent;
        try {
            sent = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] expected = mac(jcaAlgorithm, baseString, clientSecret, tokenSecret);
        // Constant time: String.equals stops at the first wrong character, and the time it
        // takes would tell an attacker how much of a forged signature is already right.
        return MessageDigest.isEqual(expected, sent);
    }

    private static byte[] mac(String jcaAlgorithm, String baseString, String clientSecret, String tokenSecret) {
        // §3.4.2: key = encode(client secret) & encode(token secret); the '&' MUST be there
        // even when either secret is empty, and a missing token secret is the empty string.
        String key = PercentEncoding.encode(clientSecret) + "&"
                + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance(jcaAlgorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
            return mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // Every JDK ships HmacSHA1 and HmacSHA256, so this is a broken runtime, not bad input.
            throw new IllegalStateException(jcaAlgorithm + " is not available", e);
        }
    }
}

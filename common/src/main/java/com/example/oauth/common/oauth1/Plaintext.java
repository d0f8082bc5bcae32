package com.example.oauth.common.oauth1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;

/**
 * The PLAINTEXT method of RFC 5849 §3.4.4: no signature at all, {@code oauth_signature} is the
 * encoded secrets themselves. Safe only inside TLS; the caller MUST refuse it over plain HTTP.
 */
public final class Plaintext implements SignatureMethod {

    @Override
    public String name() {
        return "PLAINTEXT";
    }

    /**
     * The value of {@code oauth_signature}: encode(client secret) "&" encode(token secret).
     *
     * @param tokenSecret {@code null} or "" when the request has no token (§2.1)
     */
    public String sign(String clientSecret, String tokenSecret) {
        // §3.4.4: the '&' MUST be included even when either secret is empty.
        return PercentEncoding.encode(clientSecret) + "&"
                + PercentEncoding.encode(tokenSecret == null ? "" : tokenSecret);
    }

    /**
     * Compares the secrets in constant time. The base string is not used (§3.4.4), and neither
     * is the RSA key. Callers: check that the request came over HTTPS before trusting this.
     */
    @Override
    public boolean verify(String baseString, String signature, String clientSecret, String tokenSecret,
                          PublicKey clientRsaKey) {
        if (signature == null || clientSecret == null || clientSecret.isEmpty()) {
            // No shared secret, nothing to compare (and an empty one would be trivially guessed).
            return false;
        }
        byte[] expected = sign(clientSecret, tokenSecret).getBytes(StandardCharsets.UTF_8);
        // Constant time, never String.equals: its early exit leaks how much of a guess is right.
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}

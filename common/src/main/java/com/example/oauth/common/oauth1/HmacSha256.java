package com.example.oauth.common.oauth1;

import java.security.PublicKey;

/**
 * HMAC-SHA256: RFC 5849 §3.4.2 with SHA-256 in place of SHA-1. Not in the RFC itself (§3.4 lets
 * servers define their own methods), but widely supported, e.g. by Python's oauthlib.
 */
public final class HmacSha256 implements SignatureMethod {

    @Override
    public String name() {
        return "HMAC-SHA256";
    }

    /**
     * Signs a base string; the result is the value of {@code oauth_signature}.
     *
     * @param tokenSecret {@code null} or "" when the request has no token (§2.1)
     */
    public String sign(String baseString, String clientSecret, String tokenSecret) {
        return Hmac.sign("HmacSHA256", baseString, clientSecret, tokenSecret);
    }

    @Override
    public boolean verify(String baseString, String signature, String clientSecret, String tokenSecret,
                          PublicKey clientRsaKey) {
        return Hmac.verify("HmacSHA256", baseString, signature, clientSecret, tokenSecret);
    }
}

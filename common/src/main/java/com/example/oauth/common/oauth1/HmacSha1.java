package com.example.oauth.common.oauth1;

import java.security.PublicKey;

/**
 * The HMAC-SHA1 signature method of RFC 5849 §3.4.2, keyed with the client and token secrets.
 */
public final class HmacSha1 implements SignatureMethod {

    @Override
    public String name() {
        return "HMAC-SHA1";
    }

    /**
     * Signs a base string; the result is the value of {@code oauth_signature}.
     *
     * @param tokenSecret {@code null} or "" when the request has no token (§2.1)
     */
    public String sign(String baseString, String clientSecret, String tokenSecret) {
        return Hmac.sign("HmacSHA1", baseString, clientSecret, tokenSecret);
    }

    @Override
    public boolean verify(String baseString, String signature, String clientSecret, String tokenSecret,
                          PublicKey clientRsaKey) {
        return Hmac.verify("HmacSHA1", baseString, signature, clientSecret, tokenSecret);
    }
}

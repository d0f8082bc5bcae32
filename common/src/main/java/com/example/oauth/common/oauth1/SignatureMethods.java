package com.example.oauth.common.oauth1;

import java.util.Map;
import java.util.Optional;

/**
 * The signature methods this server knows, looked up by their {@code oauth_signature_method}
 * name (RFC 5849 §3.4).
 */
public final class SignatureMethods {

    public static final HmacSha1 HMAC_SHA1 = new HmacSha1();
    public static final HmacSha256 HMAC_SHA256 = new HmacSha256();
    public static final RsaSha1 RSA_SHA1 = new RsaSha1();
    public static final Plaintext PLAINTEXT = new Plaintext();

    private static final Map<String, SignatureMethod> BY_NAME = Map.of(
            HMAC_SHA1.name(), HMAC_SHA1,
            HMAC_SHA256.name(), HMAC_SHA256,
            RSA_SHA1.name(), RSA_SHA1,
            PLAINTEXT.name(), PLAINTEXT);

    private SignatureMethods() {
    }

    /**
     * The method with this exact name; empty for an unknown one, which a server answers with
     * 400 Bad Request (§3.2). Names are case sensitive (§3.1): "hmac-sha1" is unknown.
     * Remember: PLAINTEXT is only acceptable over HTTPS (§3.4.4), and that check is yours.
     */
    public static Optional<SignatureMethod> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }
}

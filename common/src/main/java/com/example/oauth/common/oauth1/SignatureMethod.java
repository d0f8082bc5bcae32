package com.example.oauth.common.oauth1;

import java.security.PublicKey;

/**
 * A way for the client to prove it holds its credentials (RFC 5849 §3.4), named by the
 * {@code oauth_signature_method} parameter. Find one with {@link SignatureMethods#byName}.
 *
 * <p>Whether a method is acceptable for a request is the caller's rule, not the method's:
 * PLAINTEXT sends the secrets themselves, so a server MUST accept it only over HTTPS (§3.4.4).
 */
public sealed interface SignatureMethod permits HmacSha1, HmacSha256, RsaSha1, Plaintext {

    /**
     * The value of {@code oauth_signature_method}, e.g. "HMAC-SHA1".
     */
    String name();

    /**
     * Checks the {@code oauth_signature} a client sent. Never throws for a bad signature: a
     * value that is not even base64 is simply not valid.
     *
     * @param baseString   the signature base string the server rebuilt (§3.4.1); PLAINTEXT ignores it
     * @param signature    the decoded value of {@code oauth_signature}
     * @param clientSecret the client's shared secret; RSA-SHA1 ignores it
     * @param tokenSecret  the secret of {@code oauth_token}, or {@code null} / "" when the request
     *                     has no token (§2.1); RSA-SHA1 ignores it
     * @param clientRsaKey the client's registered RSA public key; only RSA-SHA1 uses it
     * @return true only if the signature matches
     */
    boolean verify(String baseString, String signature, String clientSecret, String tokenSecret,
                   PublicKey clientRsaKey);
}

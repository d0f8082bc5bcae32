package com.example.oauth.common.oidc;

import java.time.Instant;

/**
 * One signing key as the step stores it: one row of its key table.
 *
 * @param kid the key's id (RFC 7517 §4.5), the {@code kid} in the header of every id_token it signs
 * @param createdAt when it was made: the newest key signs
 * @param publicKey the RSA public key, X.509 SubjectPublicKeyInfo (DER) in base64
 * @param privateKey the RSA private key, PKCS #8 (DER) in base64. A real provider keeps it in a
 *        KMS or HSM and never reads it; this tutorial keeps it in its database.
 */
public record StoredSigningKey(String kid, Instant createdAt, String publicKey, String privateKey) {

    /** Never the private key, nor the public one: a key that is logged must be findable, not readable. */
    @Override
    public String toString() {
        return "StoredSigningKey[kid=" + kid + ", createdAt=" + createdAt + "]";
    }
}

package com.example.oauth.common.oidc;

import java.time.Instant;

/**
 * The claims of an id_token this provider signed, as read back (an
 * {@code id_token_hint}, RP-Initiated Logout 1.0 §2).
 *
 * @param audience the one client it was issued to
 * @param nonce null when the token has none
 */
public record IdTokenClaims(String issuer, String subject, String audience, Instant issuedAt, Instant expiresAt,
        Instant authTime, String nonce) {
}

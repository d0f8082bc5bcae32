package com.example.oauth.common.oidc;

import java.time.Instant;
import java.util.Objects;

/**
 * What an id_token states (OpenID Connect Core §2): who signed in, to which
 * client, when they last logged in at the provider, and the nonce of the
 * authentication request. The step keeps it with the code, and without the
 * nonce with the refresh token, to make the id_token of the token response
 * (§3.1.3.3) and of a refresh (§12.2).
 *
 * @param subject the user's stable identifier at this provider, never reassigned (§2 {@code sub}); the
 *        caller gives it, the engine does not make one
 * @param clientId the client the token is for (§2 {@code aud})
 * @param authTime when the user last logged in at the provider (§2 {@code auth_time}), not when this
 *        sign-in happened: a sign-in without a login page keeps the earlier time
 * @param nonce the request's nonce exactly as sent (§3.1.2.1), or null when it sent none
 */
public record Authentication(String subject, String clientId, Instant authTime, String nonce) {

    public Authentication {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authTime, "authTime");
        if (subject.isEmpty() || subject.length() > 255) {
            // §2: sub is at most 255 ASCII characters.
            throw new IllegalArgumentException("sub must be 1 to 255 characters");
        }
    }
}

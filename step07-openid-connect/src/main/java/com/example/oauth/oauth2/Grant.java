package com.example.oauth.oauth2;

import java.time.Instant;
import java.util.List;

import com.example.oauth.common.oauth2.OAuth2Grant;

/**
 * An authorization code (RFC 6749 §4.1.2), the article's grant, as
 * {@link DatabaseOAuth2Storage} reads it from its row of {@code grants}:
 * what the user allowed one client, waiting to be exchanged, once, for a
 * token. The tokens issued from it point back to it: together they are its
 * family, which is revoked by one flag on its row and ends at one date there.
 * The row is kept until it has expired and its tokens are gone.
 *
 * @param clientId the client's client_id (the row holds the client's id)
 * @param codeChallenge RFC 7636: BASE64URL(SHA256(code_verifier)); null when the client sent none
 */
public record Grant(String clientId, String redirectUri, boolean redirectUriGiven, List<String> scopes,
        String codeChallenge, Instant expiresAt, boolean used, boolean revoked) implements OAuth2Grant {
}

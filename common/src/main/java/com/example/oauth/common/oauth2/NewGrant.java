package com.example.oauth.common.oauth2;

import java.time.Instant;
import java.util.List;

/**
 * What storage keeps of a new code (RFC 6749 §4.1.2): the SHA-256 of the
 * code (never the code, which only the client gets) and everything the code
 * is bound to.
 *
 * @param redirectUri where the code was sent
 * @param redirectUriGiven whether the request named it (the token request must then repeat it, §4.1.3)
 * @param codeChallenge the S256 challenge (RFC 7636 §4.3); null if none
 */
public record NewGrant(String codeHash, String clientId, String username, String redirectUri,
        boolean redirectUriGiven, List<String> scopes, String codeChallenge, Instant expiresAt) {
}

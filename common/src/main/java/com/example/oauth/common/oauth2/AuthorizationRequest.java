package com.example.oauth.common.oauth2;

import java.util.List;
import java.util.Map;

/**
 * A checked authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3): which
 * client asks which user, where the answer goes, for which scopes, with
 * which PKCE challenge.
 *
 * @param username the logged-in user, whom the request asks
 * @param redirectUri where the answer goes: the one the request named, or the client's only one
 * @param redirectUriGiven whether the request named it (the token request must then repeat it)
 * @param state the client's state, sent back unchanged; null if none
 * @param codeChallenge the S256 challenge; null if none
 * @param parameters the request's own parameters as sent, so that the consent
 *        form can send them again, to be checked again
 */
public record AuthorizationRequest(RegisteredClient client, String username, String redirectUri,
        boolean redirectUriGiven, List<String> scopes, String state, String codeChallenge,
        Map<String, String> parameters) {
}

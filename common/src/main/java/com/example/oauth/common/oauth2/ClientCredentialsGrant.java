package com.example.oauth.common.oauth2;

import java.time.Clock;
import java.util.List;

/**
 * The client credentials grant (RFC 6749 §4.4): a token for the client
 * itself, for a confidential client only, without a refresh token
 * (§4.4.3). Every scope this provider knows is about a user's data, which a
 * user must grant: a client acting for itself gets none of them, so its
 * token has no scope (§5.2 invalid_scope for any it asks). What it may then
 * do is the resource's call; /api/me, which needs a user, refuses it.
 */
class ClientCredentialsGrant {

    private final OAuth2Storage storage;
    private final Clock clock;
    private final List<String> scopesSupported;

    ClientCredentialsGrant(OAuth2Storage storage, Clock clock, List<String> scopesSupported) {
        this.storage = storage;
        this.clock = clock;
        this.scopesSupported = scopesSupported;
    }

    TokenResponse issue(RegisteredClient client, FormRequest request) {
        if (client.getClientType() != ClientType.CONFIDENTIAL) {
            throw OAuth2Error.unauthorizedClient("Only a confidential client may use the client_credentials grant"
                    + " (RFC 6749 Section 4.4).");
        }
        List<String> scopes = AccessTokenScope.parse(request.get("scope").orElse(null));
        if (!scopes.isEmpty()) {
            String scope = scopes.get(0);
            throw OAuth2Error.invalidScope(scopesSupported.contains(scope)
                    ? "The scope " + ErrorText.quote(scope) + " is a user's, which only the user can grant: a"
                            + " client_credentials token stands for the client alone and has no scope. Leave"
                            + " scope out, or use authorization_code."
                    : "Unknown scope " + ErrorText.quote(scope) + ": a client_credentials token has no scope."
                            + " Leave scope out.");
        }
        TokenResponse response = TokenResponse.generate(List.of(), false);
        storage.saveClientToken(client.getClientId(), NewToken.of(response, clock.instant(), null));
        return response;
    }
}
